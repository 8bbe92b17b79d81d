package org.clinigate.server.imaging;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Writes small uncompressed DICOM files (explicit VR little endian) for tests: no real data is ever needed. */
final class DicomWriter {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static DicomWriter create() {
        return new DicomWriter();
    }

    DicomWriter text(int group, int element, String vr, String value) {
        byte[] v = value.getBytes(StandardCharsets.US_ASCII);
        if (v.length % 2 == 1) {
            byte[] padded = new byte[v.length + 1];
            System.arraycopy(v, 0, padded, 0, v.length);
            padded[v.length] = (byte) (vr.equals("UI") ? 0 : ' ');
            v = padded;
        }
        return element(group, element, vr, v);
    }

    DicomWriter us(int group, int element, int value) {
        return element(group, element, "US", ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN)
                .putShort((short) value).array());
    }

    DicomWriter pixels(byte[] pixels) {
        return element(0x7FE0, 0x0010, "OB", pixels);
    }

    private DicomWriter element(int group, int element, String vr, byte[] value) {
        ByteBuffer b;
        boolean longForm = vr.equals("OB") || vr.equals("OW") || vr.equals("UN") || vr.equals("SQ") || vr.equals("UT");
        b = ByteBuffer.allocate(longForm ? 12 : 8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) group).putShort((short) element).put(vr.getBytes(StandardCharsets.US_ASCII));
        if (longForm) {
            b.putShort((short) 0).putInt(value.length);
        } else {
            b.putShort((short) value.length);
        }
        body.writeBytes(b.array());
        body.writeBytes(value);
        return this;
    }

    /** A grey chest film, rows x columns, with the given burned-in flag and identifiers planted in the header. */
    static byte[] chest(int rows, int columns, String burnedIn, String patientName, String mrn) {
        byte[] pixels = new byte[rows * columns];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i % columns * 255 / Math.max(1, columns - 1));
        }
        DicomWriter w = create().text(0x0008, 0x0060, "CS", "CR").text(0x0008, 0x0080, "LO", "Canary General Hospital")
                .text(0x0010, 0x0010, "PN", patientName).text(0x0010, 0x0020, "LO", mrn)
                .text(0x0010, 0x0030, "DA", "19610314").text(0x0011, 0x0010, "LO", "ACME PRIVATE")
                .text(0x0011, 0x1001, "LO", "private " + mrn).text(0x0018, 0x0015, "CS", "CHEST")
                .text(0x0018, 0x5101, "CS", "PA").us(0x0028, 0x0002, 1).text(0x0028, 0x0004, "CS", "MONOCHROME2")
                .us(0x0028, 0x0010, rows).us(0x0028, 0x0011, columns).us(0x0028, 0x0100, 8).us(0x0028, 0x0101, 8)
                .us(0x0028, 0x0102, 7).us(0x0028, 0x0103, 0).text(0x0028, 0x0301, "CS", burnedIn).pixels(pixels);
        return w.file();
    }

    byte[] file() {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        DicomWriter m = create().text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1");
        byte[] metaBody = m.body.toByteArray();
        ByteBuffer groupLength = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        groupLength.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII))
                .putShort((short) 4).putInt(metaBody.length);
        meta.writeBytes(new byte[128]);
        meta.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        meta.writeBytes(groupLength.array());
        meta.writeBytes(metaBody);
        meta.writeBytes(body.toByteArray());
        return meta.toByteArray();
    }
}
