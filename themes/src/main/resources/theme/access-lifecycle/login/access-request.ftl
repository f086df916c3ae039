<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('justification'); section>
<!-- template: access-request.ftl (${mode}) -->
    <#if section = "header">
        ${msg("accessRequestTitle")}
    <#elseif section = "form">
        <p id="access-request-account">${msg("accessRequestSignedInAs", currentUsername)}
            <a id="access-request-switch" href="${switchUrl}">${msg("accessInvitationUseAnotherAccount")}</a></p>
        <#if mode = "form">
            <form id="access-request-form" class="${properties.kcFormClass!}" action="${submitAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <label for="justification" class="pf-v5-c-form__label"><span class="pf-v5-c-form__label-text">${msg("accessRequestJustification")}</span></label>
                    <span class="pf-v5-c-form-control <#if messagesPerField.existsError('justification')>pf-m-error</#if>">
                        <textarea id="justification" name="justification" rows="5" maxlength="1000" required
                                  aria-invalid="<#if messagesPerField.existsError('justification')>true</#if>">${justification}</textarea>
                    </span>
                    <#if messagesPerField.existsError('justification')>
                        <span id="input-error-justification" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('justification'))?no_esc}</span>
                    </#if>
                </div>
                <@buttons.actionGroup>
                    <@buttons.button id="access-request-submit" name="submit" label="accessRequestSubmit"/>
                </@buttons.actionGroup>
            </form>
        <#elseif mode = "sent">
            <p id="access-request-sent">${msg("accessRequestSent")}</p>
        <#else>
            <p id="access-request-pending">${msg("accessRequestPending")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
