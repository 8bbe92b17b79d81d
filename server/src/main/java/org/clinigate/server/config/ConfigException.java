package org.clinigate.server.config;

import org.clinigate.core.error.ClinigateException;
import org.clinigate.core.error.ErrorCode;

/** A setting is missing, malformed or out of range; the message names the setting and what is allowed. */
final class ConfigException {

    private ConfigException() {
    }

    static ClinigateException of(String setting, String problem) {
        return new ClinigateException(ErrorCode.CG_1001, "setting " + setting + ": " + problem);
    }
}
