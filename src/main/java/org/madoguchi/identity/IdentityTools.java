package org.madoguchi.identity;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Development-only command-line tools of the identity module, run by {@code bin/madoguchi test-pki} and
 * {@code bin/madoguchi virtual-card} without Spring: a test CA hierarchy on disk ({@link TestPkiDirectory}) and
 * virtual My Number Cards ({@link VirtualCard}) that sign submissions and answer authentication challenges, so the
 * signing flow can be tried end to end without J-LIS test cards. NEVER for production use.
 */
public final class IdentityTools {

	static final String HELP = """
			Development-only tools / 開発・テスト専用ツール — NEVER use for production, real residents or real cards.
			The CA keys are stored unencrypted and a virtual card is a plain file, not a security device.

			  test-pki --dir DIR
			      creates a test CA hierarchy (root, 署名用 signing CA, 利用者証明用 authentication CA) in DIR:
			      root-ca.pem signing-ca.pem auth-ca.pem (certificates), *.key.pem (PKCS#8 keys, TEST ONLY),
			      crl/*.crl (current CRLs, DER). Trust anchor: DIR/root-ca.pem; CRL folder: DIR/crl.
			  virtual-card issue --dir DIR --name 氏名 --address 住所 --birth YYYY-MM-DD --gender 1|2
			                     --sign-pin PIN --auth-pin NNNN --out CARD.json
			      issues a 署名用 and a 利用者証明用 certificate for a synthetic resident into a new card file
			      (gender 1 = 男, 2 = 女; signing PIN 6-16 upper-case letters/digits, 5 tries;
			      authentication PIN 4 digits, 3 tries; keys under PBKDF2 + AES-256-GCM)
			  virtual-card sign --card CARD.json --pin PIN --in SUBMISSION.json --out SIG.der
			      canonicalizes the JSON (RFC 8785) and writes a detached CMS signature (DER)
			  virtual-card auth --card CARD.json --pin NNNN --challenge HEX --out RESP.der
			      signs the challenge bytes (8-256 bytes) with the authentication key (detached CMS, DER)
			  virtual-card revoke --dir DIR --card CARD.json
			      revokes the card's signing certificate in the test CA and rewrites DIR/crl

			A wrong PIN costs a try; at 0 tries the function is locked and refuses even the right PIN;
			a right PIN resets the count. PINs given on the command line end up in shell history: test PINs only.
			""";

	/** Larger submissions are refused (an application form as JSON is a few KB). */
	static final long MAX_SUBMISSION_BYTES = 1024 * 1024;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private IdentityTools() {
	}

	public static void main(String[] args) {
		int status = run(args, System.out, System.err);
		if (status != 0) {
			System.exit(status);
		}
	}

	/** Runs one command; 0 = done, 1 = refused (message on err), 2 = usage error. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0 || java.util.Arrays.stream(args).limit(2).anyMatch(Set.of("-h", "--help", "help")::contains)) {
			(args.length == 0 ? err : out).print(HELP);
			return args.length == 0 ? 2 : 0;
		}
		try {
			switch (args[0]) {
				case "test-pki" -> testPki(options(args, 1, Set.of("dir")), out);
				case "virtual-card" -> virtualCard(args, out);
				default -> throw new UsageException("不明なコマンド: " + args[0], "unknown command: " + args[0]);
			}
			return 0;
		}
		catch (UsageException ex) {
			err.println("エラー / Error: " + ex.getMessage());
			err.print(HELP);
			return 2;
		}
		catch (ToolException ex) {
			err.println("エラー / Error: " + ex.getMessage());
			return 1;
		}
	}

	private static void virtualCard(String[] args, PrintStream out) {
		if (args.length < 2) {
			throw new UsageException("virtual-card のサブコマンドがありません", "virtual-card needs a subcommand");
		}
		switch (args[1]) {
			case "issue" -> issue(options(args, 2,
					Set.of("dir", "name", "address", "birth", "gender", "sign-pin", "auth-pin", "out")), out);
			case "sign" -> sign(options(args, 2, Set.of("card", "pin", "in", "out")), out);
			case "auth" -> auth(options(args, 2, Set.of("card", "pin", "challenge", "out")), out);
			case "revoke" -> revoke(options(args, 2, Set.of("dir", "card")), out);
			default -> throw new UsageException("不明なサブコマンド: virtual-card " + args[1],
					"unknown subcommand: virtual-card " + args[1]);
		}
	}

	private static void testPki(Map<String, String> options, PrintStream out) {
		Path dir = Path.of(options.get("dir"));
		TestPki pki = TestPkiDirectory.create(dir);
		out.println("テスト認証局を作成しました / test PKI created in " + dir.toAbsolutePath() + " (TEST ONLY)");
		out.println("  root CA: " + pki.root().getSubjectX500Principal().getName());
	}

	private static void issue(Map<String, String> options, PrintStream out) {
		BasicFourInfo resident = new BasicFourInfo(text(options, "name", 100), text(options, "address", 200),
				birthDate(options.get("birth")), gender(options.get("gender")));
		TestPki pki = TestPkiDirectory.load(Path.of(options.get("dir")));
		VirtualCard card = VirtualCard.issue(pki, resident, options.get("sign-pin"), options.get("auth-pin"),
				Path.of(options.get("out")));
		out.println("仮想カードを発行しました / virtual card issued: " + options.get("out") + " (signing serial "
				+ card.certificate(VirtualCard.Slot.SIGNING).getSerialNumber().toString(16) + ", authentication serial "
				+ card.certificate(VirtualCard.Slot.AUTHENTICATION).getSerialNumber().toString(16) + ")");
	}

	private static void sign(Map<String, String> options, PrintStream out) {
		VirtualCard card = VirtualCard.load(Path.of(options.get("card")));
		Path in = Path.of(options.get("in"));
		if (!Files.exists(in)) {
			throw new ToolException("署名する JSON ファイル " + in + " がありません (--in)", "--in file " + in + " does not exist");
		}
		byte[] bytes = TestPkiDirectory.read(in);
		if (bytes.length > MAX_SUBMISSION_BYTES) {
			throw new ToolException("署名する JSON が大きすぎます (--in)", "--in is larger than " + MAX_SUBMISSION_BYTES + " bytes");
		}
		byte[] canonical;
		try {
			JsonNode tree = JSON.readTree(bytes);
			canonical = Jcs.canonicalize(tree);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new ToolException("--in は正しい JSON ではありません: " + in, "--in is not valid JSON for RFC 8785: "
					+ ex.getMessage(), ex);
		}
		// Format of the PIN is checked before the card is touched, inside sign().
		write(Path.of(options.get("out")), card.sign(canonical, options.get("pin")));
		out.println("署名しました / signed " + canonical.length + " canonical bytes -> " + options.get("out"));
	}

	private static void auth(Map<String, String> options, PrintStream out) {
		VirtualCard card = VirtualCard.load(Path.of(options.get("card")));
		byte[] challenge;
		try {
			challenge = HexFormat.of().parseHex(options.get("challenge"));
		}
		catch (IllegalArgumentException ex) {
			throw new ToolException("--challenge は16進文字列です", "--challenge must be hexadecimal", ex);
		}
		if (challenge.length < 8 || challenge.length > 256) {
			throw new ToolException("--challenge は8〜256バイトです", "--challenge must be 8-256 bytes");
		}
		write(Path.of(options.get("out")), card.authenticate(challenge, options.get("pin")));
		out.println("認証応答を作成しました / authentication response -> " + options.get("out"));
	}

	private static void revoke(Map<String, String> options, PrintStream out) {
		Path dir = Path.of(options.get("dir"));
		TestPki pki = TestPkiDirectory.load(dir);
		VirtualCard card = VirtualCard.load(Path.of(options.get("card")));
		var certificate = card.certificate(VirtualCard.Slot.SIGNING);
		if (!pki.issued(certificate)) {
			throw new ToolException("このカードは " + dir + " のテスト認証局が発行したものではありません",
					"the card was not issued by the test PKI in " + dir);
		}
		pki.revoke(certificate);
		TestPkiDirectory.writeCrls(dir, pki);
		out.println("署名用電子証明書を失効させました / signing certificate " + certificate.getSerialNumber().toString(16)
				+ " revoked; CRLs rewritten in " + TestPkiDirectory.crlDirectory(dir));
	}

	private static String text(Map<String, String> options, String name, int max) {
		String value = options.get(name).strip();
		if (value.isEmpty() || value.length() > max) {
			throw new ToolException("--" + name + " は1〜" + max + "文字です", "--" + name + " must be 1-" + max + " characters");
		}
		return value;
	}

	private static LocalDate birthDate(String value) {
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.isAfter(LocalDate.now()) || date.getYear() < 1850) {
				throw new ToolException("--birth が範囲外です", "--birth is out of range");
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			throw new ToolException("--birth は YYYY-MM-DD 形式です", "--birth must be YYYY-MM-DD", ex);
		}
	}

	/** 性別 code of the resident register: 1 = 男, 2 = 女. */
	private static String gender(String value) {
		return switch (value) {
			case "1" -> "男";
			case "2" -> "女";
			default -> throw new ToolException("--gender は 1（男）か 2（女）です", "--gender must be 1 (male) or 2 (female)");
		};
	}

	private static void write(Path file, byte[] content) {
		try {
			TestPkiDirectory.write(file, content);
		}
		catch (IOException ex) {
			throw new ToolException("ファイル " + file + " に書き込めません", "cannot write " + file + ": " + ex, ex);
		}
	}

	/** {@code --name value} pairs after {@code from}; every allowed option is required, each given once. */
	private static Map<String, String> options(String[] args, int from, Set<String> allowed) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = from; i < args.length; i += 2) {
			String flag = args[i];
			String name = flag.startsWith("--") ? flag.substring(2) : "";
			if (!allowed.contains(name)) {
				throw new UsageException("不明なオプション: " + flag, "unknown option: " + flag);
			}
			if (i + 1 >= args.length) {
				throw new UsageException(flag + " に値がありません", flag + " needs a value");
			}
			if (options.put(name, args[i + 1]) != null) {
				throw new UsageException(flag + " が2回あります", flag + " is given twice");
			}
		}
		for (String name : allowed) {
			if (!options.containsKey(name)) {
				throw new UsageException("--" + name + " がありません", "--" + name + " is missing");
			}
		}
		return options;
	}

	/** Wrong command line: the help follows the message. */
	private static final class UsageException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UsageException(String japanese, String english) {
			super(japanese + " / " + english);
		}
	}
}
