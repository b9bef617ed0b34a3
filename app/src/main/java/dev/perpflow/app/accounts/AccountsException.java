package dev.perpflow.app.accounts;

/** Bad input to a user/account/credential/proxy operation: the message says what and how to fix it. */
public class AccountsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccountsException(String message) {
        super(message);
    }

    public AccountsException(String message, Throwable cause) {
        super(message, cause);
    }
}
