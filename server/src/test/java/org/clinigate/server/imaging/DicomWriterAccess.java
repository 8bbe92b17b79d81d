package org.clinigate.server.imaging;

/** Opens the package-private DICOM writer to tests in other packages. */
public final class DicomWriterAccess {

    private DicomWriterAccess() {
    }

    public static byte[] chest(int rows, int columns, String burnedIn, String patientName, String mrn) {
        return DicomWriter.chest(rows, columns, burnedIn, patientName, mrn);
    }
}
