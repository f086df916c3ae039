package io.accesslifecycle.callers;

/** Whether a user may open support cases for the organisation, under which plan, and how to reach them. */
public record CallerDesignation(
        boolean authorisedCaller, String supportPlan, String callerPhone, String callerCountry) {

    public static final String ATTRIBUTE = "authorisedCaller";
    public static final String PLAN = "supportPlan";
    public static final String PHONE = "callerPhone";
    public static final String COUNTRY = "callerCountry";

    public static final CallerDesignation NONE = new CallerDesignation(false, null, null, null);
}
