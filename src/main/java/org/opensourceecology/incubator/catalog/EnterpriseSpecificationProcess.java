package org.opensourceecology.incubator.catalog;

import org.opensourceecology.incubator.process.ProcessVariable;

/**
 * The {@code enterprise-specification} process: a submitted specification is reviewed by a certifier
 * against the Distributive Enterprise criteria, then published or sent back for revision. One instance
 * per submission; business key = the specification's slug.
 */
public final class EnterpriseSpecificationProcess {

    public static final String KEY = "enterprise-specification";

    public static final String START_SPECIFICATION_SUBMITTED = "start_specification_submitted";
    public static final String GATEWAY_JOIN_REVIEW = "gateway_join_review";
    public static final String USER_REVIEW_SPECIFICATION = "user_review_specification";
    public static final String GATEWAY_REVIEW_DECISION = "gateway_review_decision";
    public static final String SERVICE_PUBLISH_SPECIFICATION = "service_publish_specification";
    public static final String SERVICE_SEND_BACK_SPECIFICATION = "service_send_back_specification";
    public static final String USER_REVISE_SPECIFICATION = "user_revise_specification";
    public static final String GATEWAY_REVISION_DECISION = "gateway_revision_decision";
    public static final String SERVICE_RESUBMIT_SPECIFICATION = "service_resubmit_specification";
    public static final String END_PUBLISHED = "end_published";
    public static final String END_WITHDRAWN = "end_withdrawn";

    /** Values of {@link #DECISION} (radio in forms/review-specification.form). */
    public static final String APPROVE = "approve";

    public static final String SEND_BACK = "sendBack";

    /** Values of {@link #REVISION_DECISION} (radio in forms/revise-specification.form). */
    public static final String RESUBMIT = "resubmit";

    public static final String WITHDRAW = "withdraw";

    // Set at the start
    public static final ProcessVariable<Long> SPECIFICATION_ID = ProcessVariable.longValue("specificationId");
    public static final ProcessVariable<String> SLUG = ProcessVariable.string("slug");
    public static final ProcessVariable<String> SPECIFICATION_NAME = ProcessVariable.string("specificationName");
    public static final ProcessVariable<String> SUBMITTED_BY = ProcessVariable.string("submittedBy");
    public static final ProcessVariable<String> LICENCES = ProcessVariable.string("licences");

    // Submitted by the review form
    public static final ProcessVariable<Boolean> OPEN_SOURCE_CHECKED = ProcessVariable.bool("openSourceChecked");
    public static final ProcessVariable<Boolean> BUSINESS_MODEL_CHECKED = ProcessVariable.bool("businessModelChecked");
    public static final ProcessVariable<Boolean> DOGFOODING_CHECKED = ProcessVariable.bool("dogfoodingChecked");
    public static final ProcessVariable<Boolean> LICENCES_CHECKED = ProcessVariable.bool("licencesChecked");
    public static final ProcessVariable<String> DECISION = ProcessVariable.string("decision");
    public static final ProcessVariable<String> REVIEW_COMMENTS = ProcessVariable.string("reviewComments");

    // Submitted by the revision form
    public static final ProcessVariable<String> REVISION_DECISION = ProcessVariable.string("revisionDecision");
    public static final ProcessVariable<String> REVISION_NOTE = ProcessVariable.string("revisionNote");

    private EnterpriseSpecificationProcess() {}
}
