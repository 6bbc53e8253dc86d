package dev.vacant.kernel.custody;

/** Signing was asked of a vacant whose key is not (or no longer) in custody. */
public class KeyDestroyedException extends IllegalStateException {

    public KeyDestroyedException(String vacant) {
        super("no key in custody for " + vacant);
    }
}
