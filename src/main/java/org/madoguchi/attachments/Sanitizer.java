package org.madoguchi.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Makes the sanitized copy (無害化) of an accepted file: a new file holding only pixels. Images are decoded and
 * redrawn into a fresh RGB image (EXIF, comments, colour profiles, trailing data and anything hidden in unused
 * chunks are gone); PDFs are rendered page by page at 150 dpi and written as a new PDF of those page images,
 * so no script, form, embedded file, link or other active content can survive. Decoding is also the check that
 * the file is what it claims: whatever does not decode is refused as unreadable.
 */
final class Sanitizer {

	static final float PDF_DPI = 150f;
	static final int MAX_PDF_PAGES = 200;
	static final long MAX_IMAGE_PIXELS = 50_000_000L;
	/** A page rendered at 150 dpi larger than this (bigger than A0) is rendered at a lower resolution instead. */
	static final long MAX_PAGE_PIXELS = 36_000_000L;
	private static final float JPEG_QUALITY = 0.9f;
	private static final float PAGE_JPEG_QUALITY = 0.85f;

	private Sanitizer() {
	}

	/** Writes the sanitized copy of {@code original} (of the detected type) to {@code target}. */
	static void sanitize(AttachmentType type, Path original, Path target) throws IOException {
		switch (type) {
			case PDF -> flattenPdf(original, target);
			case JPEG, PNG -> redrawImage(type, original, target);
		}
	}

	static void flattenPdf(Path original, Path target) throws IOException {
		RandomAccessReadBufferedFile input = new RandomAccessReadBufferedFile(original.toFile());
		PDDocument source;
		try {
			source = Loader.loadPDF(input, "", IOUtils.createTempFileOnlyStreamCache());
		}
		catch (InvalidPasswordException e) {
			input.close();
			throw new Refusal("attachments.error.encrypted");
		}
		catch (IOException | RuntimeException e) {
			input.close();
			throw new Refusal("attachments.error.unreadable");
		}
		try (source; PDDocument copy = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
			// opened with the empty user password: encrypted with an owner password only; still refused, as the
			// author restricted what may be done with it
			if (source.isEncrypted()) {
				throw new Refusal("attachments.error.encrypted");
			}
			int pages = source.getNumberOfPages();
			if (pages == 0) {
				throw new Refusal("attachments.error.unreadable");
			}
			if (pages > MAX_PDF_PAGES) {
				throw new Refusal("attachments.error.tooManyPages", MAX_PDF_PAGES);
			}
			PDFRenderer renderer = new PDFRenderer(source);
			for (int i = 0; i < pages; i++) {
				PDPage page = source.getPage(i);
				PDRectangle box = page.getCropBox();
				boolean turned = page.getRotation() % 180 != 0;
				double widthPt = turned ? box.getHeight() : box.getWidth();
				double heightPt = turned ? box.getWidth() : box.getHeight();
				if (!(widthPt > 0 && heightPt > 0)) {
					throw new Refusal("attachments.error.unreadable");
				}
				float scale = PDF_DPI / 72f;
				double pixels = widthPt * scale * heightPt * scale;
				if (pixels > MAX_PAGE_PIXELS) {
					scale *= (float) Math.sqrt(MAX_PAGE_PIXELS / pixels);
				}
				BufferedImage image = renderer.renderImage(i, scale, ImageType.RGB);
				PDImageXObject xobject = JPEGFactory.createFromImage(copy, image, PAGE_JPEG_QUALITY);
				PDPage flat = new PDPage(new PDRectangle((float) widthPt, (float) heightPt));
				copy.addPage(flat);
				try (PDPageContentStream content = new PDPageContentStream(copy, flat)) {
					content.drawImage(xobject, 0, 0, (float) widthPt, (float) heightPt);
				}
			}
			// without object streams, so that a scanner on the receiving side can see every object as it is
			copy.save(target.toFile(), CompressParameters.NO_COMPRESSION);
		}
		catch (Refusal e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			// malformed content streams, broken fonts or images inside the PDF
			throw new Refusal("attachments.error.unreadable");
		}
	}

	static void redrawImage(AttachmentType type, Path original, Path target) throws IOException {
		BufferedImage upright;
		try (ImageInputStream in = ImageIO.createImageInputStream(original.toFile())) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type == AttachmentType.PNG ? "png" : "jpeg");
			if (in == null || !readers.hasNext()) {
				throw new Refusal("attachments.error.unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				// from the header, before decoding: a small file can declare a huge image (decompression bomb)
				if (width <= 0 || height <= 0) {
					throw new Refusal("attachments.error.unreadable");
				}
				if ((long) width * height > MAX_IMAGE_PIXELS) {
					throw new Refusal("attachments.error.tooManyPixels", MAX_IMAGE_PIXELS / 1_000_000);
				}
				BufferedImage decoded = reader.read(0);
				int orientation = type == AttachmentType.JPEG ? ExifOrientation.read(head(original)) : 1;
				upright = redraw(decoded, orientation);
			}
			finally {
				reader.dispose();
			}
		}
		catch (Refusal e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			throw new Refusal("attachments.error.unreadable");
		}
		if (type == AttachmentType.PNG) {
			if (!ImageIO.write(upright, "png", target.toFile())) {
				throw new IOException("no PNG writer");
			}
			return;
		}
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		Files.deleteIfExists(target);
		try (ImageOutputStream out = ImageIO.createImageOutputStream(target.toFile())) {
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.setOutput(out);
			writer.write(null, new IIOImage(upright, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	/** A new RGB image with the pixels only, turned upright; transparency is laid on white. */
	static BufferedImage redraw(BufferedImage source, int orientation) {
		int width = source.getWidth();
		int height = source.getHeight();
		boolean swap = ExifOrientation.swapsSides(orientation);
		BufferedImage copy = new BufferedImage(swap ? height : width, swap ? width : height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = copy.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
			g.drawImage(source, ExifOrientation.transform(orientation, width, height), null);
		}
		finally {
			g.dispose();
		}
		return copy;
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(ExifOrientation.SEARCH_BYTES);
		}
	}
}
