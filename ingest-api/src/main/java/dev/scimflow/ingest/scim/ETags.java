package dev.scimflow.ingest.scim;

/** Versions as weak entity tags ({@code W/"3"}), and the {@code If-Match} header read back into a version. */
public final class ETags {

    /** A version no resource has: an {@code If-Match} that cannot match any. */
    private static final long NO_VERSION = -1;

    private ETags() {
    }

    public static String of(long version) {
        return "W/\"" + version + "\"";
    }

    /**
     * The version an {@code If-Match} header demands: null for none or {@code *}. Note that only the first tag of
     * a list is considered; a tag that is not one of this server's never matches.
     */
    public static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.split(",")[0].strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return NO_VERSION;
        }
        try {
            return Long.parseLong(tag.substring(1, tag.length() - 1));
        }
        catch (NumberFormatException ex) {
            return NO_VERSION;
        }
    }
}
