package com.ramparts.soc.account;

import java.util.Arrays;

/** An account that breaks a rule; the message key names the rule in the dashboard's bundles. */
public class InvalidAccountException extends RuntimeException {

    private final transient Object[] arguments;

    InvalidAccountException(String messageKey, Object... arguments) {
        super(messageKey);
        this.arguments = arguments.clone();
    }

    public String messageKey() {
        return getMessage();
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}
