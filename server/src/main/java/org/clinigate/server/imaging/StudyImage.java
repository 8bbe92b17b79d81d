package org.clinigate.server.imaging;

import ij.ImagePlus;
import ij.plugin.DICOM;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One image of a study, reduced to what a model may see: its pixels, re-encoded as a fresh PNG (no EXIF, no text
 * chunks, no DICOM header), and an allowlist of non-identifying DICOM attributes. Everything else in a DICOM file,
 * patient module, dates, institution, private tags, is dropped, never copied.
 *
 * <p>A DICOM image marked Burned In Annotation YES (0028,0301) is refused unless the caller forces it: its pixels may
 * show the patient's name. Corrupt, unsupported and oversized images are refused with {@code CG-2001}.
 */
public final class StudyImage {

    /** The largest image accepted, in bytes. */
    public static final int MAX_BYTES = 20 << 20;
    /** The largest side accepted, in pixels. */
    public static final int MAX_SIDE = 8192;
    /** DICOM attributes that identify no one and help read the image. */
    static final Map<String, String> ALLOWED = allowed();

    private final byte[] png;
    private final Map<String, String> attributes;

    private StudyImage(byte[] png, Map<String, String> attributes) {
        this.png = png;
        this.attributes = Map.copyOf(attributes);
    }

    private static Map<String, String> allowed() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("0008,0060", "Modality");
        m.put("0018,0015", "Body Part Examined");
        m.put("0018,5101", "View Position");
        m.put("0020,0020", "Patient Orientation");
        m.put("0028,0010", "Rows");
        m.put("0028,0011", "Columns");
        m.put("0028,0030", "Pixel Spacing");
        m.put("0018,0050", "Slice Thickness");
        return m;
    }

    /** The re-encoded pixels, as PNG. */
    public byte[] png() {
        return png.clone();
    }

    /** The allowlisted attributes that were present, by name. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** Reads PNG, JPEG or DICOM ({@code type}: png, jpeg, dicom); {@code force} accepts burned-in annotations. */
    public static StudyImage read(byte[] bytes, String type, boolean force) {
        if (bytes == null || bytes.length == 0) {
            throw invalid("an image is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new ClinigateException(ErrorCode.CG_1006, "an image is larger than " + (MAX_BYTES >> 20) + " MB");
        }
        return switch (type == null ? "" : type.toLowerCase(Locale.ROOT)) {
            case "png", "jpeg", "jpg" -> raster(bytes);
            case "dicom", "dcm" -> dicom(bytes, force);
            default -> throw invalid("image type must be png, jpeg or dicom");
        };
    }

    private static StudyImage raster(byte[] bytes) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw invalid("an image is not a readable PNG or JPEG");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: EXIF and comments are never read
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                checkSize(w, h);
                return new StudyImage(png(reader.read(0)), Map.of());
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ClinigateException c) {
                throw c;
            }
            throw invalid("an image is corrupt or truncated");
        }
    }

    private static StudyImage dicom(byte[] bytes, boolean force) {
        if (bytes.length < 132 || bytes[128] != 'D' || bytes[129] != 'I' || bytes[130] != 'C' || bytes[131] != 'M') {
            throw invalid("a DICOM image lacks its DICM preamble");
        }
        System.setProperty("java.awt.headless", "true");
        DICOM d = new DICOM(new ByteArrayInputStream(bytes));
        try {
            d.run("study-image");
        } catch (RuntimeException e) {
            throw invalid("a DICOM image cannot be read");
        }
        if (d.getWidth() <= 0 || d.getHeight() <= 0 || d.getProcessor() == null) {
            throw invalid("a DICOM image holds no pixels this reader understands (uncompressed only)");
        }
        checkSize(d.getWidth(), d.getHeight());
        Object infoProperty = d.getProperty("Info");
        String info = infoProperty == null ? "" : infoProperty.toString();
        Map<String, String> header = header(info);
        String burned = header.getOrDefault("0028,0301", "").trim();
        if (burned.equalsIgnoreCase("YES") && !force) {
            throw new ClinigateException(ErrorCode.CG_2001, "a DICOM image is marked Burned In Annotation YES: its "
                    + "pixels may show identifiers; remove them first, or send force: true if you have checked it");
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (Map.Entry<String, String> a : ALLOWED.entrySet()) {
            String v = header.get(a.getKey());
            if (v != null && !v.isBlank()) {
                kept.put(a.getValue(), v.trim());
            }
        }
        ImagePlus flat = new ImagePlus("pixels", d.getProcessor().convertToByteProcessor(true));
        return new StudyImage(png(flat.getBufferedImage()), kept);
    }

    /** ImageJ's header text: one "gggg,eeee  Name: value" per line. */
    static Map<String, String> header(String info) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : info.split("\n")) {
            if (line.length() > 11 && line.charAt(4) == ','
                    && line.substring(0, 9).matches("[0-9A-Fa-f]{4},[0-9A-Fa-f]{4}")) {
                int colon = line.indexOf(':', 10);
                out.put(line.substring(0, 9).toUpperCase(Locale.ROOT), colon < 0 ? "" : line.substring(colon + 1));
            }
        }
        return out;
    }

    private static void checkSize(int w, int h) {
        if (w <= 0 || h <= 0 || w > MAX_SIDE || h > MAX_SIDE) {
            throw new ClinigateException(ErrorCode.CG_1006, "an image is " + w + " x " + h + " pixels; at most "
                    + MAX_SIDE + " per side");
        }
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, "png", out)) {
                throw invalid("an image cannot be re-encoded");
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw invalid("an image cannot be re-encoded");
        }
    }

    private static ClinigateException invalid(String detail) {
        return new ClinigateException(ErrorCode.CG_2001, detail);
    }

    @Override
    public String toString() {
        return "StudyImage[png=" + png.length + " bytes, attributes=" + attributes.keySet() + "]";
    }
}
