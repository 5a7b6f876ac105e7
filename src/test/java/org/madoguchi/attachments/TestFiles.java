package org.madoguchi.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;

/** Small real files made in the test: images written by ImageIO, PDFs made with PDFBox. */
final class TestFiles {

	static final String TRAILER = "TRAILING-SECRET";
	static final String COMMENT = "GPS-SECRET-35.6N";
	static final String SCRIPT = "app.alert('madoguchi-test-script');";

	private TestFiles() {
	}

	/** A PNG, left half red, right half blue, with bytes after IEND (a polyglot's hiding place). */
	static byte[] png(int width, int height) {
		byte[] png = write(twoColours(width, height, BufferedImage.TYPE_INT_ARGB), "png");
		return concat(png, TRAILER.getBytes(StandardCharsets.US_ASCII));
	}

	/** A JPEG, left half red, right half blue, with a comment segment. */
	static byte[] jpeg(int width, int height) {
		return insertAfterApp0(write(twoColours(width, height, BufferedImage.TYPE_INT_RGB), "jpeg"), comment());
	}

	/** A JPEG whose EXIF says "turn 90° clockwise to display" (orientation 6), as phones write them. */
	static byte[] jpegWithOrientation(int width, int height, int orientation) {
		byte[] jpeg = jpeg(width, height);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
		tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0);
		byte[] exifHeader = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
		byte[] body = concat(exifHeader, tiff.array());
		return insertAfterApp0(jpeg, segment(0xE1, body));
	}

	/**
	 * A PDF of {@code pages} A4 pages (text and a black box each) with active content: a JavaScript open action,
	 * a link to a web site on every page and an embedded executable. Written without compression, so that the
	 * test can see what is in it.
	 */
	static byte[] pdfWithActiveContent(int pages) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			addPages(doc, pages);
			for (PDPage page : doc.getPages()) {
				PDAnnotationLink link = new PDAnnotationLink();
				link.setRectangle(new PDRectangle(72, 72, 200, 100));
				PDActionURI uri = new PDActionURI();
				uri.setURI("https://evil.example/steal");
				link.setAction(uri);
				page.getAnnotations().add(link);
			}
			doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript(SCRIPT));
			PDComplexFileSpecification spec = new PDComplexFileSpecification();
			spec.setFile("payload.exe");
			PDEmbeddedFile file = new PDEmbeddedFile(doc, new ByteArrayInputStream("MZ-payload".getBytes(StandardCharsets.US_ASCII)));
			file.setSubtype("application/octet-stream");
			spec.setEmbeddedFile(file);
			PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
			tree.setNames(Map.of("payload.exe", spec));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(doc.getDocumentCatalog());
			names.setEmbeddedFiles(tree);
			doc.getDocumentCatalog().setNames(names);
			doc.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A plain PDF of blank pages. */
	static byte[] pdf(int pages) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (int i = 0; i < pages; i++) {
				doc.addPage(new PDPage(PDRectangle.A4));
			}
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A PDF encrypted with a user password (needed to open it), or only an owner password when userPassword is "". */
	static byte[] encryptedPdf(String userPassword) {
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			addPages(doc, 1);
			AccessPermission permission = new AccessPermission();
			permission.setCanPrint(false);
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", userPassword, permission);
			policy.setEncryptionKeyLength(128);
			doc.protect(policy);
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A PNG header declaring a {@code width}×{@code height} image, followed by no usable image data. */
	static byte[] pngHeaderOnly(int width, int height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
			.put((byte) 0).put((byte) 0);
		return concat(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, chunk("IHDR", ihdr.array()),
				chunk("IDAT", new byte[] { 1, 2, 3 }), chunk("IEND", new byte[0]));
	}

	private static void addPages(PDDocument doc, int pages) throws IOException {
		for (int i = 0; i < pages; i++) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 24);
				content.newLineAtOffset(72, 700);
				content.showText("Page " + (i + 1));
				content.endText();
				content.addRect(72, 72, 200, 100);
				content.fill();
			}
		}
	}

	private static BufferedImage twoColours(int width, int height, int type) {
		BufferedImage image = new BufferedImage(width, height, type);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	private static byte[] write(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no writer for " + format);
			}
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] comment() {
		return segment(0xFE, COMMENT.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] segment(int marker, byte[] body) {
		int length = body.length + 2;
		return concat(new byte[] { (byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length }, body);
	}

	/** Puts a segment after SOI and the JFIF APP0 segment that ImageIO writes first. */
	private static byte[] insertAfterApp0(byte[] jpeg, byte[] segment) {
		int at = 2;
		if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) {
			at = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		}
		byte[] out = new byte[jpeg.length + segment.length];
		System.arraycopy(jpeg, 0, out, 0, at);
		System.arraycopy(segment, 0, out, at, segment.length);
		System.arraycopy(jpeg, at, out, at + segment.length, jpeg.length - at);
		return out;
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return ByteBuffer.allocate(12 + data.length).putInt(data.length).put(typeBytes).put(data).putInt((int) crc.getValue())
			.array();
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] p : parts) {
			out.writeBytes(p);
		}
		return out.toByteArray();
	}

	static boolean contains(byte[] haystack, String needle) {
		return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
	}
}
