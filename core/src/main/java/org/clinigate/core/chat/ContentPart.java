package org.clinigate.core.chat;

import java.util.Objects;
import java.util.Set;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * One part of a message's content: text, or an image given by URL (often a {@code data:} URL). Both may carry
 * PHI, so {@code toString()} prints sizes only.
 */
public sealed interface ContentPart permits ContentPart.Text, ContentPart.ImageUrl {

    /** A run of text. */
    record Text(String text) implements ContentPart {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String toString() {
            return "Text[chars=" + text.length() + "]";
        }
    }

    /**
     * An image, as OpenAI's {@code image_url} part: an {@code http(s):} or {@code data:image/...} URL, and an
     * optional detail hint ({@code auto}, {@code low} or {@code high}; null when absent).
     */
    record ImageUrl(String url, String detail) implements ContentPart {
        private static final Set<String> DETAILS = Set.of("auto", "low", "high");

        public ImageUrl {
            Objects.requireNonNull(url, "url");
            if (!(url.startsWith("data:image/") || url.startsWith("https://") || url.startsWith("http://"))) {
                throw new ClinigateException(ErrorCode.CG_2001, "image_url must be a data:image/ or http(s) URL");
            }
            if (detail != null && !DETAILS.contains(detail)) {
                throw new ClinigateException(ErrorCode.CG_2001, "image_url.detail must be auto, low or high");
            }
        }

        @Override
        public String toString() {
            return "ImageUrl[chars=" + url.length() + ", detail=" + detail + "]";
        }
    }
}
