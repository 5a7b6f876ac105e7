package org.madoguchi.issuance.document;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR code of the verification URL as its module matrix (no quiet zone; the page keeps it white). Drawn as
 * filled rectangles rather than an image: sharp at any resolution and cheaper than compressing a bitmap.
 */
record Qr(BitMatrix modules) {

	static Qr of(String url) {
		try {
			return new Qr(new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
					Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M)));
		}
		catch (WriterException e) {
			throw new IllegalArgumentException("verificationUrl cannot be a QR code: " + e.getMessage(), e);
		}
	}

	int size() {
		return modules.getWidth();
	}
}
