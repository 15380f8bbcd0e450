package io.hussh.camel;

import java.util.Locale;

/** What the producer does with a message. */
public enum HusshOperation {
    upload,
    download;

    static HusshOperation parse(Object value) {
        if (value instanceof HusshOperation operation) {
            return operation;
        }
        String text = String.valueOf(value).trim().toLowerCase(Locale.ROOT);
        for (HusshOperation operation : values()) {
            if (operation.name().equals(text)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown operation '" + value + "' in header "
                                           + HusshConstants.OPERATION + ": use upload or download");
    }
}
