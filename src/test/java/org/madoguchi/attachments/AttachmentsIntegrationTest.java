package org.madoguchi.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.madoguchi.attachments.storage.BlobStorage;
import org.madoguchi.platform.FieldError;
import org.madoguchi.platform.InvalidInputException;
import org.madoguchi.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Storing attachments: type from content, refusals with their field and code, the sanitized copies, and
 * removal. Blobs go to target/test-attachments; rows to the shared test database (each test its own owner).
 */
@SpringBootTest(properties = "madoguchi.attachments.directory=target/test-attachments")
class AttachmentsIntegrationTest {

	static final long MB = 1024 * 1024;
	static final Set<String> ALL = Set.of("PDF", "JPEG", "PNG");

	@Autowired
	Attachments attachments;

	@Autowired
	BlobStorage storage;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pngIsDetectedFromItsContentAndRedrawnWithoutTrailingData() throws Exception {
		UUID owner = UUID.randomUUID();
		byte[] png = TestFiles.png(60, 30);

		StoredAttachment a = attachments.store(owner, "proof", "住民票.png", new ByteArrayInputStream(png), ALL, 10 * MB);

		assertThat(a.type()).isEqualTo(AttachmentType.PNG);
		assertThat(a.filename()).isEqualTo("住民票.png");
		assertThat(a.fieldId()).isEqualTo("proof");
		assertThat(a.ownerId()).isEqualTo(owner);
		assertThat(a.size()).isEqualTo(png.length);
		assertThat(a.sha256()).isEqualTo(sha256(png));
		assertThat(read(attachments.openOriginal(a.id()))).isEqualTo(png);
		byte[] sanitized = read(attachments.openSanitized(a.id()));
		assertThat(a.sanitizedSize()).isEqualTo(sanitized.length);
		assertThat(AttachmentType.detect(sanitized)).contains(AttachmentType.PNG);
		assertThat(TestFiles.contains(png, TestFiles.TRAILER)).isTrue();
		assertThat(TestFiles.contains(sanitized, TestFiles.TRAILER)).isFalse();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(sanitized));
		assertThat(image.getWidth()).isEqualTo(60);
		assertThat(image.getHeight()).isEqualTo(30);
		assertThat(image.getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
		assertThat(image.getRGB(55, 5) & 0xFFFFFF).isEqualTo(0x0000FF);
		assertThat(attachments.find(a.id())).contains(a);
	}

	@Test
	void jpegLosesItsMetadataAndIsTurnedUprightByItsExifOrientation() throws Exception {
		UUID owner = UUID.randomUUID();
		byte[] plain = TestFiles.jpeg(40, 20);
		byte[] turned = TestFiles.jpegWithOrientation(40, 20, 6);

		StoredAttachment a = attachments.store(owner, "photo", "photo.JPG", new ByteArrayInputStream(plain), ALL, MB);
		StoredAttachment b = attachments.store(owner, "photo", "IMG_0001.jpeg", new ByteArrayInputStream(turned), ALL, MB);

		assertThat(a.type()).isEqualTo(AttachmentType.JPEG);
		assertThat(b.type()).isEqualTo(AttachmentType.JPEG);
		assertThat(TestFiles.contains(turned, "Exif")).isTrue();
		assertThat(TestFiles.contains(turned, TestFiles.COMMENT)).isTrue();
		byte[] sanitizedPlain = read(attachments.openSanitized(a.id()));
		byte[] sanitizedTurned = read(attachments.openSanitized(b.id()));
		assertThat(AttachmentType.detect(sanitizedTurned)).contains(AttachmentType.JPEG);
		assertThat(TestFiles.contains(sanitizedTurned, "Exif")).isFalse();
		assertThat(TestFiles.contains(sanitizedTurned, TestFiles.COMMENT)).isFalse();
		assertThat(TestFiles.contains(sanitizedPlain, TestFiles.COMMENT)).isFalse();

		BufferedImage upright = ImageIO.read(new ByteArrayInputStream(sanitizedPlain));
		assertThat(upright.getWidth()).isEqualTo(40);
		assertThat(upright.getHeight()).isEqualTo(20);
		// orientation 6: stored sideways, the left (red) half is the top once turned clockwise
		BufferedImage rotated = ImageIO.read(new ByteArrayInputStream(sanitizedTurned));
		assertThat(rotated.getWidth()).isEqualTo(20);
		assertThat(rotated.getHeight()).isEqualTo(40);
		assertThat(isRed(rotated.getRGB(10, 5))).isTrue();
		assertThat(isBlue(rotated.getRGB(10, 35))).isTrue();
		assertThat(attachments.listFor(owner)).extracting(StoredAttachment::id).containsExactly(a.id(), b.id());
	}

	@Test
	void pdfIsFlattenedWithoutScriptsEmbeddedFilesOrLinks() throws Exception {
		UUID owner = UUID.randomUUID();
		byte[] pdf = TestFiles.pdfWithActiveContent(2);
		for (String active : List.of("/JavaScript", "/EmbeddedFile", "/URI", "madoguchi-test-script", "MZ-payload")) {
			assertThat(TestFiles.contains(pdf, active)).as(active).isTrue();
		}

		StoredAttachment a = attachments.store(owner, "certificate", "証明書.pdf", new ByteArrayInputStream(pdf),
				Set.of("PDF"), 10 * MB);

		assertThat(a.type()).isEqualTo(AttachmentType.PDF);
		assertThat(read(attachments.openOriginal(a.id()))).isEqualTo(pdf);
		byte[] sanitized = read(attachments.openSanitized(a.id()));
		for (String active : List.of("/JavaScript", "/JS", "/EmbeddedFile", "/URI", "/OpenAction", "/AcroForm", "/Annots",
				"/Launch", "madoguchi-test-script", "MZ-payload", "evil.example")) {
			assertThat(TestFiles.contains(sanitized, active)).as(active).isFalse();
		}
		try (PDDocument original = Loader.loadPDF(pdf); PDDocument flat = Loader.loadPDF(sanitized)) {
			assertThat(flat.getNumberOfPages()).isEqualTo(original.getNumberOfPages()).isEqualTo(2);
			assertThat(flat.getDocumentCatalog().getOpenAction()).isNull();
			assertThat(flat.getDocumentCatalog().getNames()).isNull();
			assertThat(flat.getDocumentCatalog().getAcroForm()).isNull();
			for (PDPage page : flat.getPages()) {
				assertThat(page.getAnnotations()).isEmpty();
				assertThat(page.getMediaBox().getWidth()).isCloseTo(original.getPage(0).getMediaBox().getWidth(),
						org.assertj.core.data.Offset.offset(1f));
			}
			for (COSObjectKey key : flat.getDocument().getXrefTable().keySet()) {
				COSBase object = flat.getDocument().getObjectFromPool(key).getObject();
				if (object instanceof COSDictionary d) {
					assertThat(d.containsKey(COSName.JS)).isFalse();
					assertThat(d.containsKey(COSName.EF)).isFalse();
					assertThat(d.containsKey(COSName.AA)).isFalse();
				}
			}
			// still looks the same: the black box of page 1 is in the picture of page 1
			BufferedImage page = new PDFRenderer(flat).renderImageWithDPI(0, 72);
			assertThat(page.getRGB(172, page.getHeight() - 122) & 0xFF).isLessThan(60);
			assertThat(page.getRGB(400, 400) & 0xFF).isGreaterThan(200);
		}
	}

	@Test
	void renamedFilesAreRefusedAsDisguised() {
		UUID owner = UUID.randomUUID();
		byte[] text = "これはテキストファイルです。\n".getBytes(StandardCharsets.UTF_8);
		byte[] exe = TestFiles.concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[200]);

		assertRefused(() -> attachments.store(owner, "doc", "letter.pdf", new ByteArrayInputStream(text), ALL, MB), "doc",
				"attachments.error.disguised");
		assertRefused(() -> attachments.store(owner, "doc", "setup.pdf", new ByteArrayInputStream(exe), ALL, MB), "doc",
				"attachments.error.disguised");
		// a JPEG named .png is not what it says either
		assertRefused(() -> attachments.store(owner, "doc", "photo.png", new ByteArrayInputStream(TestFiles.jpeg(8, 8)), ALL,
				MB), "doc", "attachments.error.disguised");
		// without a claimed type, unknown content is simply not an allowed type
		FieldError e = assertRefused(
				() -> attachments.store(owner, "doc", "letter.txt", new ByteArrayInputStream(text), Set.of("PDF", "PNG"), MB),
				"doc", "attachments.error.typeNotAllowed");
		assertThat(e.args()).containsExactly("PDF, PNG");
		assertThat(attachments.listFor(owner)).isEmpty();
	}

	@Test
	void aTypeTheFieldDoesNotAllowIsRefused() {
		FieldError e = assertRefused(() -> attachments.store(UUID.randomUUID(), "scan", "scan.jpg",
				new ByteArrayInputStream(TestFiles.jpeg(8, 8)), Set.of("PDF"), MB), "scan", "attachments.error.typeNotAllowed");
		assertThat(e.args()).containsExactly("PDF");
	}

	@Test
	void emptyFilesAreRefused() {
		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "empty.pdf", new ByteArrayInputStream(new byte[0]),
				ALL, MB), "doc", "attachments.error.empty");
	}

	@Test
	void anOversizedStreamIsRefusedAfterReadingOneByteMoreThanTheLimit() {
		CountingStream huge = new CountingStream(200 * MB);
		FieldError e = assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "big.pdf", huge, ALL, 2 * MB), "doc",
				"attachments.error.tooLarge");
		assertThat(e.args()).containsExactly("2");
		assertThat(huge.read).isEqualTo(2 * MB + 1);

		// the module's own limit (20 MB) wins over a larger one from the caller
		CountingStream hugeAgain = new CountingStream(200 * MB);
		FieldError capped = assertRefused(
				() -> attachments.store(UUID.randomUUID(), "doc", "big.pdf", hugeAgain, ALL, 100 * MB), "doc",
				"attachments.error.tooLarge");
		assertThat(capped.args()).containsExactly("20");
		assertThat(hugeAgain.read).isEqualTo(20 * MB + 1);
	}

	@Test
	void encryptedPdfsAreRefused() {
		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "locked.pdf",
				new ByteArrayInputStream(TestFiles.encryptedPdf("user-secret")), ALL, MB), "doc", "attachments.error.encrypted");
		// opens without a password, but the author restricted it: refused as well
		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "restricted.pdf",
				new ByteArrayInputStream(TestFiles.encryptedPdf("")), ALL, MB), "doc", "attachments.error.encrypted");
	}

	@Test
	void filesThatDoNotParseAreRefusedAsUnreadable() {
		byte[] fakePdf = "%PDF-1.7\nthis is not a PDF at all\n".getBytes(StandardCharsets.US_ASCII);
		byte[] fakePng = TestFiles.concat(java.util.Arrays.copyOf(TestFiles.png(4, 4), 8), new byte[100]);
		byte[] truncatedJpeg = java.util.Arrays.copyOf(TestFiles.jpeg(64, 64), 40);

		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "a.pdf", new ByteArrayInputStream(fakePdf), ALL, MB),
				"doc", "attachments.error.unreadable");
		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "a.png", new ByteArrayInputStream(fakePng), ALL, MB),
				"doc", "attachments.error.unreadable");
		assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "a.jpg", new ByteArrayInputStream(truncatedJpeg), ALL,
				MB), "doc", "attachments.error.unreadable");
	}

	@Test
	void hugeImagesAndLongPdfsAreRefusedBeforeTheyAreDecoded() {
		FieldError pixels = assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "bomb.png",
				new ByteArrayInputStream(TestFiles.pngHeaderOnly(10_000, 6_000)), ALL, MB), "doc",
				"attachments.error.tooManyPixels");
		assertThat(pixels.args()).containsExactly(50L);
		FieldError pages = assertRefused(() -> attachments.store(UUID.randomUUID(), "doc", "long.pdf",
				new ByteArrayInputStream(TestFiles.pdf(201)), ALL, 10 * MB), "doc", "attachments.error.tooManyPages");
		assertThat(pages.args()).containsExactly(200);
	}

	@Test
	void fileNamesAreCleanedOrRefused() {
		UUID owner = UUID.randomUUID();
		byte[] png = TestFiles.png(4, 4);

		assertThat(attachments.store(owner, "doc", "C:\\Users\\taro\\Desktop\\scan.png", new ByteArrayInputStream(png), ALL, MB)
			.filename()).isEqualTo("scan.png");
		assertThat(attachments.store(owner, "doc", "../../etc/passwd.png", new ByteArrayInputStream(png), ALL, MB).filename())
			.isEqualTo("passwd.png");
		assertThat(attachments.store(owner, "doc", "scan", new ByteArrayInputStream(png), ALL, MB).filename())
			.isEqualTo("scan.png");
		assertThat(attachments.store(owner, "doc", null, new ByteArrayInputStream(png), ALL, MB).filename())
			.isEqualTo("attachment.png");

		assertRefused(() -> attachments.store(owner, "doc", "a".repeat(197) + ".png", new ByteArrayInputStream(png), ALL, MB),
				"doc", "attachments.error.filename");
		assertRefused(() -> attachments.store(owner, "doc", "invoice\u202Egnp.exe", new ByteArrayInputStream(png), ALL, MB),
				"doc", "attachments.error.filename");
		assertRefused(() -> attachments.store(owner, "doc", "scan\n.png", new ByteArrayInputStream(png), ALL, MB), "doc",
				"attachments.error.filename");
		assertRefused(() -> attachments.store(owner, "doc", "folder/", new ByteArrayInputStream(png), ALL, MB), "doc",
				"attachments.error.filename");
		assertThat(attachments.listFor(owner)).hasSize(4);
	}

	@Test
	void deletingRemovesTheRowAndBothBlobs() throws Exception {
		UUID owner = UUID.randomUUID();
		StoredAttachment a = attachments.store(owner, "doc", "a.png", new ByteArrayInputStream(TestFiles.png(4, 4)), ALL, MB);
		StoredAttachment b = attachments.store(owner, "doc", "b.pdf", new ByteArrayInputStream(TestFiles.pdf(1)), ALL, MB);
		StoredAttachment other = attachments.store(UUID.randomUUID(), "doc", "c.png",
				new ByteArrayInputStream(TestFiles.png(4, 4)), ALL, MB);
		storage.get("originals/" + a.id()).close();
		storage.get("sanitized/" + a.id()).close();

		attachments.delete(a.id());

		assertThat(attachments.find(a.id())).isEmpty();
		assertThatThrownBy(() -> attachments.openOriginal(a.id())).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> storage.get("originals/" + a.id())).isInstanceOf(NoSuchFileException.class);
		assertThatThrownBy(() -> storage.get("sanitized/" + a.id())).isInstanceOf(NoSuchFileException.class);
		assertThat(attachments.listFor(owner)).extracting(StoredAttachment::id).containsExactly(b.id());

		attachments.deleteAllFor(owner);

		assertThat(attachments.listFor(owner)).isEmpty();
		assertThatThrownBy(() -> storage.get("originals/" + b.id())).isInstanceOf(NoSuchFileException.class);
		assertThat(attachments.find(other.id())).isPresent();
		attachments.delete(UUID.randomUUID()); // nothing there: no error
	}

	@Test
	void blobsOfAnAttachmentStoredInARolledBackTransactionAreRemoved() {
		UUID owner = UUID.randomUUID();
		UUID[] id = new UUID[1];
		transactions.executeWithoutResult(status -> {
			id[0] = attachments.store(owner, "doc", "a.png", new ByteArrayInputStream(TestFiles.png(4, 4)), ALL, MB).id();
			status.setRollbackOnly();
		});

		assertThat(attachments.find(id[0])).isEmpty();
		assertThatThrownBy(() -> storage.get("originals/" + id[0])).isInstanceOf(NoSuchFileException.class);
		assertThatThrownBy(() -> storage.get("sanitized/" + id[0])).isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void blobsOfADeletionAreKeptUntilItCommits() throws Exception {
		UUID owner = UUID.randomUUID();
		StoredAttachment a = attachments.store(owner, "doc", "a.png", new ByteArrayInputStream(TestFiles.png(4, 4)), ALL, MB);
		transactions.executeWithoutResult(status -> {
			attachments.delete(a.id());
			status.setRollbackOnly();
		});

		assertThat(attachments.find(a.id())).isPresent();
		assertThat(read(attachments.openOriginal(a.id()))).isEqualTo(TestFiles.png(4, 4));
	}

	@Test
	void magicBytesDecideTheType() {
		assertThat(AttachmentType.detect(TestFiles.png(2, 2))).contains(AttachmentType.PNG);
		assertThat(AttachmentType.detect(TestFiles.jpeg(2, 2))).contains(AttachmentType.JPEG);
		assertThat(AttachmentType.detect(TestFiles.pdf(1))).contains(AttachmentType.PDF);
		assertThat(AttachmentType.detect("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(AttachmentType.detect(new byte[] { '%', 'P', 'D' })).isEmpty();
		assertThat(AttachmentType.fromExtension("a.JPEG")).contains(AttachmentType.JPEG);
		assertThat(AttachmentType.fromExtension("a.pdf.exe")).isEmpty();
		assertThat(AttachmentType.fromExtension("pdf")).isEmpty();
	}

	private static FieldError assertRefused(Runnable call, String field, String code) {
		InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
		assertThat(e).as("refused with " + code).isNotNull();
		assertThat(e.errors()).hasSize(1);
		FieldError error = e.errors().get(0);
		assertThat(error.field()).isEqualTo(field);
		assertThat(error.code()).isEqualTo(code);
		return error;
	}

	private static byte[] read(InputStream in) throws IOException {
		try (in) {
			return in.readAllBytes();
		}
	}

	private static String sha256(byte[] data) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
	}

	private static boolean isRed(int rgb) {
		return ((rgb >> 16) & 0xFF) > 200 && (rgb & 0xFF) < 80;
	}

	private static boolean isBlue(int rgb) {
		return (rgb & 0xFF) > 200 && ((rgb >> 16) & 0xFF) < 80;
	}

	/** An endless-looking PDF-ish stream that counts what was taken from it. */
	static final class CountingStream extends InputStream {

		final long length;
		long read;

		CountingStream(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			if (read >= length) {
				return -1;
			}
			return read++ < 5 ? "%PDF-".charAt((int) read - 1) : ' ';
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (read >= length) {
				return -1;
			}
			int n = (int) Math.min(len, length - read);
			for (int i = 0; i < n; i++) {
				b[off + i] = (byte) (read + i < 5 ? "%PDF-".charAt((int) (read + i)) : ' ');
			}
			read += n;
			return n;
		}
	}
}
