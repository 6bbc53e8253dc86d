package dev.vacant.infra.security;

import java.util.function.Predicate;

/**
 * Spring Security's {@code StrictHttpFirewall} rules for header names, header values and parameter names, checked
 * code point by code point instead of with a regular expression per call: every code point assigned and not a
 * control character (a header value may also hold a tab). The firewall asks on every {@code getHeader} of every
 * request, so its default regular expressions were about 3 % of the allocation under command load (issue 18,
 * {@code docs/performance.md}); the rules themselves are unchanged.
 */
public final class FirewallText {

    /** A header name or a parameter name: Spring Security's {@code [\p{IsAssigned}&&[^\p{IsControl}]]*}. */
    public static final Predicate<String> NAME = text -> assignedAndNotControl(text, false);

    /** A header value: Spring Security's {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*}. */
    public static final Predicate<String> HEADER_VALUE = text -> assignedAndNotControl(text, true);

    private FirewallText() {
    }

    private static boolean assignedAndNotControl(String text, boolean tab) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (codePoint < 0x20 || codePoint >= 0x7f) {
                int type = Character.getType(codePoint);
                if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                    return false;
                }
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
