package org.clinigate.server.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.clinigate.core.error.ClinigateException;
import org.junit.jupiter.api.Test;

class StudyImageTest {

    @Test
    void a_dicom_image_keeps_its_pixels_and_the_allowlist_and_drops_every_identifier() throws Exception {
        byte[] dicom = DicomWriter.chest(64, 48, "NO", "Quarrisford^Wendeline", "MRN88231977");
        StudyImage image = StudyImage.read(dicom, "dicom", false);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
        assertThat(png.getWidth()).isEqualTo(48);
        assertThat(png.getHeight()).isEqualTo(64);
        assertThat(image.attributes()).containsEntry("Modality", "CR").containsEntry("Body Part Examined", "CHEST")
                .containsEntry("View Position", "PA").doesNotContainKey("Patient's Name");
        String bytes = new String(image.png(), StandardCharsets.ISO_8859_1) + image.attributes() + image;
        assertThat(bytes).doesNotContain("Quarrisford").doesNotContain("88231977").doesNotContain("Canary")
                .doesNotContain("19610314");
    }

    @Test
    void burned_in_annotations_are_refused_unless_forced() {
        byte[] dicom = DicomWriter.chest(32, 32, "YES", "Doe^Jane", "MRN1");
        assertThatThrownBy(() -> StudyImage.read(dicom, "dicom", false)).isInstanceOf(ClinigateException.class)
                .hasMessageContaining("CG-2001").hasMessageContaining("Burned In Annotation");
        assertThat(StudyImage.read(dicom, "dicom", true).png()).isNotEmpty();
    }

    @Test
    void corrupt_unsupported_and_oversized_images_get_clear_errors() throws Exception {
        assertThatThrownBy(() -> StudyImage.read("not an image".getBytes(StandardCharsets.US_ASCII), "png", false))
                .hasMessageContaining("CG-2001");
        assertThatThrownBy(() -> StudyImage.read(new byte[300], "dicom", false)).hasMessageContaining("DICM");
        byte[] dicom = DicomWriter.chest(16, 16, "NO", "A^B", "C");
        assertThatThrownBy(() -> StudyImage.read(java.util.Arrays.copyOf(dicom, 200), "dicom", false))
                .isInstanceOf(ClinigateException.class);
        assertThatThrownBy(() -> StudyImage.read(new byte[]{1}, "tiff", false)).hasMessageContaining("png, jpeg");
        ByteArrayOutputStream wide = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(StudyImage.MAX_SIDE + 1, 2, BufferedImage.TYPE_BYTE_GRAY), "png", wide);
        assertThatThrownBy(() -> StudyImage.read(wide.toByteArray(), "png", false)).hasMessageContaining("CG-1006");
        assertThatThrownBy(() -> StudyImage.read(new byte[StudyImage.MAX_BYTES + 1], "png", false))
                .hasMessageContaining("CG-1006");
    }

    @Test
    void a_jpeg_is_re_encoded_without_its_metadata() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB), "jpeg", jpeg);
        // A comment segment (COM, 0xFFFE) with a name, spliced in after SOI, as cameras and scanners write them.
        byte[] raw = jpeg.toByteArray();
        byte[] comment = "Patient Wendeline Quarrisford".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream tagged = new ByteArrayOutputStream();
        tagged.write(raw, 0, 2);
        tagged.write(new byte[]{(byte) 0xFF, (byte) 0xFE, 0, (byte) (comment.length + 2)});
        tagged.write(comment);
        tagged.write(raw, 2, raw.length - 2);
        assertThat(tagged.toString(StandardCharsets.ISO_8859_1)).contains("Quarrisford");
        StudyImage image = StudyImage.read(tagged.toByteArray(), "jpeg", false);
        assertThat(new String(image.png(), StandardCharsets.ISO_8859_1)).doesNotContain("Quarrisford");
        assertThat(ImageIO.read(new ByteArrayInputStream(image.png())).getWidth()).isEqualTo(20);
    }
}
