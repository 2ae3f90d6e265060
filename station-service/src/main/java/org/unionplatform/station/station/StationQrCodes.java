package org.unionplatform.station.station;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.unionplatform.station.StationProperties;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** Printable QR codes of stations' check-in links (error correction M survives a worn print). */
@Component
public class StationQrCodes {

    private final StationProperties properties;

    StationQrCodes(StationProperties properties) {
        this.properties = properties;
    }

    public String checkInLink(Station station) {
        return properties.checkInBaseUrl().toString() + URLEncoder.encode(station.id(), StandardCharsets.UTF_8);
    }

    byte[] png(Station station, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(checkInLink(station), BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("QR code could not be encoded", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
