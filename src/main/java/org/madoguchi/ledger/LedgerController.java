package org.madoguchi.ledger;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public read API of the transparency log (透明性ログの公開API), no sign-in needed: the C2SP tlog-tiles layout
 * under {@code /ledger/} (checkpoint, hash tiles, entry bundles) and JSON proofs and entries for clients that do
 * not compute proofs from tiles themselves.
 */
@RestController
@Tag(name = "Transparency log (透明性ログ)")
class LedgerController {

	static final MediaType TEXT_UTF8 = new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);

	private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	private final JdbcLedger ledger;

	LedgerController(JdbcLedger ledger) {
		this.ledger = ledger;
	}

	@GetMapping("/ledger/checkpoint")
	@Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint in a signed note)")
	ResponseEntity<String> checkpoint() {
		Ledger.SignedCheckpoint latest = ledger.latestCheckpoint()
			.orElseThrow(() -> new LedgerRequestException(HttpStatus.NOT_FOUND, "まだチェックポイントがありません (the log has no checkpoint yet)"));
		return ResponseEntity.ok().contentType(TEXT_UTF8).cacheControl(CacheControl.noCache()).body(latest.note());
	}

	/**
	 * The checkpoint signer's public key as a C2SP note verifier key ({@code <name>+<hex id>+<base64 key>}), for
	 * clients that fetch it once and then check every checkpoint. A city also publishes it out of band (its web site,
	 * witnesses), so that a compromised server cannot swap it unnoticed.
	 */
	@GetMapping("/ledger/key")
	@Operation(summary = "The checkpoint signer's public key (C2SP signed-note verifier key)")
	ResponseEntity<String> key() {
		return ResponseEntity.ok().contentType(TEXT_UTF8).body(ledger.verifier().format() + "\n");
	}

	@GetMapping("/ledger/tile/**")
	@Operation(summary = "A hash tile tile/<L>/<N>[.p/<W>] or an entry bundle tile/entries/<N>[.p/<W>] (C2SP tlog-tiles)",
			description = "N in 3-digit path elements, all but the last prefixed with x (1234067 is x001/x234/067). "
					+ "A hash tile is W concatenated 32-byte SHA-256 hashes; an entry bundle is each entry as a "
					+ "big-endian uint16 length and its bytes. Full tiles and partial tiles never change.")
	ResponseEntity<byte[]> tile(HttpServletRequest request) {
		String uri = request.getRequestURI().substring(request.getContextPath().length());
		TilePath path = parseTile(uri.substring("/ledger/tile/".length()));
		long signed = ledger.signedSize(Long.MAX_VALUE);
		byte[] body = path.entries() ? bundle(path, signed) : hashTile(path, signed);
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM).cacheControl(IMMUTABLE).body(body);
	}

	@GetMapping("/ledger/proof/inclusion")
	@Operation(summary = "Inclusion proof (包含証明) of entry `index` in the tree of `size` entries (RFC 9162 2.1.3)")
	Map<String, Object> inclusion(@Parameter(description = "index of the entry") @RequestParam(required = false) String index,
			@Parameter(description = "tree size, at most the latest checkpoint's") @RequestParam(required = false) String size) {
		long i = number("index", index);
		long n = number("size", size);
		requireSize("size", n);
		if (i >= n) {
			throw bad("index " + i + " must be below size " + n);
		}
		InclusionProof proof = ledger.inclusionProof(i, n);
		return Map.of("index", proof.leafIndex(), "treeSize", proof.treeSize(), "path", base64(proof.path()));
	}

	@GetMapping("/ledger/proof/consistency")
	@Operation(summary = "Consistency proof (一貫性証明) that the tree of `first` entries is a prefix of the tree of `second` (RFC 9162 2.1.4)")
	Map<String, Object> consistency(@RequestParam(required = false) String first,
			@RequestParam(required = false) String second) {
		long a = number("first", first);
		long b = number("second", second);
		requireSize("second", b);
		if (a < 1 || a > b) {
			throw bad("first " + a + " must be in 1..second (" + b + ")");
		}
		ConsistencyProof proof = ledger.consistencyProof(a, b);
		return Map.of("size1", proof.size1(), "size2", proof.size2(), "path", base64(proof.path()));
	}

	@GetMapping("/ledger/entries/{index}")
	@Operation(summary = "One entry of the log with its RFC 6962 leaf hash")
	Map<String, Object> entry(@PathVariable String index) {
		long i = number("index", index);
		long signed = ledger.signedSize(i + 1);
		if (i >= signed) {
			throw new LedgerRequestException(HttpStatus.NOT_FOUND, "番号 " + i + " の記録はありません (no entry " + i
					+ ": the latest checkpoint has " + signed + " entries)");
		}
		JdbcLedger.StoredEntry entry = ledger.entry(i)
			.orElseThrow(() -> new IllegalStateException("entry " + i + " is signed but missing"));
		return Map.of("index", i, "kind", entry.kind(), "entry", Base64.getEncoder().encodeToString(entry.entry()),
				"leafHash", Base64.getEncoder().encodeToString(ledger.leafHash(i)));
	}

	private byte[] hashTile(TilePath path, long signed) {
		int shift = Tile.HEIGHT * path.level();
		long nodes = shift >= Long.SIZE - 1 ? 0 : signed >>> shift;
		long available = path.index() > (Long.MAX_VALUE >>> Tile.HEIGHT) ? 0 : nodes - (path.index() << Tile.HEIGHT);
		requireAvailable(path, available);
		return ledger.tile(path.level(), path.index(), path.width()).bytes(path.width());
	}

	private byte[] bundle(TilePath path, long signed) {
		long from = path.index() > (Long.MAX_VALUE >>> Tile.HEIGHT) ? Long.MAX_VALUE : path.index() << Tile.HEIGHT;
		requireAvailable(path, signed - from);
		List<byte[]> entries = ledger.entries(from, from + path.width());
		if (entries.size() != path.width()) {
			throw new IllegalStateException("entries " + from + ".." + (from + path.width() - 1) + " are signed but "
					+ (path.width() - entries.size()) + " of them are missing");
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] e : entries) {
			out.write(e.length >>> 8);
			out.write(e.length & 0xff);
			out.writeBytes(e);
		}
		return out.toByteArray();
	}

	private static void requireAvailable(TilePath path, long available) {
		if (path.index() > (Long.MAX_VALUE >>> Tile.HEIGHT) || available < path.width()) {
			throw new LedgerRequestException(HttpStatus.NOT_FOUND, "このタイルはまだありません (tile "
					+ (path.entries() ? "entries" : path.level()) + "/" + TilePath.number(path.index())
					+ (path.partial() ? ".p/" + path.width() : "") + " is not in the tree of the latest checkpoint; it has "
					+ Math.max(0, Math.min(available, Tile.WIDTH)) + " hashes)");
		}
	}

	private void requireSize(String name, long size) {
		long signed = ledger.signedSize(size);
		if (size > signed) {
			throw bad(name + " " + size + " is beyond the latest checkpoint's size " + signed);
		}
	}

	private static TilePath parseTile(String path) {
		try {
			return TilePath.parse(path);
		}
		catch (IllegalArgumentException ex) {
			throw bad(ex.getMessage());
		}
	}

	private static long number(String name, String value) {
		if (value == null || value.isEmpty()) {
			throw bad(name + " is missing");
		}
		if (!value.matches("0|[1-9][0-9]{0,18}")) {
			throw bad(name + " must be a decimal number 0.." + Long.MAX_VALUE + " without sign or leading zeros, got \""
					+ (value.length() > 30 ? value.substring(0, 30) + "…" : value) + "\"");
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw bad(name + " is larger than " + Long.MAX_VALUE);
		}
	}

	private static List<String> base64(List<byte[]> path) {
		return path.stream().map(Base64.getEncoder()::encodeToString).toList();
	}

	private static LedgerRequestException bad(String detail) {
		return new LedgerRequestException(HttpStatus.BAD_REQUEST, "要求が正しくありません (" + detail + ")");
	}

	@ExceptionHandler(LedgerRequestException.class)
	ResponseEntity<ProblemDetail> problem(LedgerRequestException ex) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(ex.status, ex.getMessage());
		p.setType(URI.create("https://madoguchi.org/problems/" + (ex.status == HttpStatus.NOT_FOUND ? "not-found" : "invalid-ledger-request")));
		p.setTitle(ex.status == HttpStatus.NOT_FOUND ? "見つかりません (Not found)" : "要求が正しくありません (Bad request)");
		return ResponseEntity.status(ex.status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<ProblemDetail> invalid(IllegalArgumentException ex) {
		return problem(bad(ex.getMessage()));
	}

	/** A request the log cannot answer, with the HTTP status and a precise reason. */
	static final class LedgerRequestException extends RuntimeException {

		final HttpStatus status;

		LedgerRequestException(HttpStatus status, String detail) {
			super(detail);
			this.status = status;
		}
	}
}
