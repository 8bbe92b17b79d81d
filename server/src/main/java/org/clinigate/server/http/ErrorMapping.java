package org.clinigate.server.http;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/**
 * The one place where error codes become HTTP statuses and OpenAI-shaped error bodies:
 * {@code {"error": {"message", "type", "code": "CG-2001", "param": null}}}.
 */
final class ErrorMapping {

    private static final JsonFactory JSON = new JsonFactory();

    private ErrorMapping() {
    }

    static int status(ErrorCode code) {
        return switch (code) {
            case CG_1001, CG_1003, CG_1004, CG_1005, CG_2001, CG_2003, CG_2004 -> 400;
            case CG_2002, CG_3001, CG_6101, CG_7101 -> 404;
            case CG_6102, CG_7103, CG_7104, CG_7107 -> 409;
            case CG_7105, CG_7106 -> 400;
            case CG_7102 -> 403;
            case CG_7108 -> 503;
            case CG_4010, CG_4011, CG_4013 -> 401;
            case CG_4012 -> 403;
            case CG_4020 -> 429;
            case CG_3002 -> 405;
            case CG_1006 -> 413;
            case CG_3003 -> 415;
            case CG_2005 -> 499;
            case CG_2103, CG_2104, CG_2105 -> 502;
            case CG_2101, CG_2106, CG_2107, CG_3004, CG_4001, CG_4002, CG_4014, CG_4032 -> 503;
            case CG_2102 -> 504;
            default -> 500;
        };
    }

    /** The {@code WWW-Authenticate} value of a 401 (RFC 6750): a refused token is an {@code invalid_token}. */
    static String challenge(ErrorCode code) {
        return code == ErrorCode.CG_4013
                ? "Bearer realm=\"clinigate\", error=\"invalid_token\""
                : "Bearer realm=\"clinigate\"";
    }

    static String type(int status) {
        return switch (status) {
            case 400, 404, 405, 409, 413, 415 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 429 -> "rate_limit_error";
            case 499 -> "request_cancelled";
            case 502, 503, 504 -> "upstream_error";
            default -> "server_error";
        };
    }

    /** The error body; the message is the exception's own, which by contract holds no user text. */
    static byte[] body(ClinigateException e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(160);
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("message", e.getMessage());
            g.writeStringField("type", type(status(e.code())));
            g.writeStringField("code", e.code().code());
            g.writeNullField("param");
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return out.toByteArray();
    }
}
