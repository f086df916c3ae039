<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('firstName','lastName','password','password-confirm'); section>
<!-- template: access-invitation.ftl (${mode}) -->
    <#if section = "header">
        ${msg("accessInvitationTitle")}
    <#elseif section = "form">
        <p id="access-invitation-for">${msg("accessInvitationFor", invitedEmail, inviterName)}</p>
        <#if mode = "register">
            <p id="access-invitation-username">${msg("accessInvitationRegisterIntro", proposedUsername)}</p>
            <form id="access-invitation-register" class="${properties.kcFormClass!}" action="${registerAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="key" value="${key}"/>
                <@field.input name="firstName" label=msg("firstName") value=firstName autocomplete="given-name" autofocus=true />
                <@field.input name="lastName" label=msg("lastName") value=lastName autocomplete="family-name" />
                <@field.password name="password" label=msg("password") autocomplete="new-password" />
                <@field.password name="password-confirm" label=msg("passwordConfirm") autocomplete="new-password" />
                <@buttons.actionGroup>
                    <@buttons.button id="access-invitation-create" name="register" label="accessInvitationCreateAccount"/>
                </@buttons.actionGroup>
            </form>
            <p><a id="access-invitation-sign-in" href="${signInUrl}">${msg("accessInvitationHaveAccount")}</a></p>
        <#elseif mode = "sign-in">
            <p>${msg("accessInvitationSignInIntro", invitedEmail)}</p>
            <@buttons.actionGroup>
                <@buttons.buttonLink href=signInUrl label="accessInvitationSignIn" id="access-invitation-sign-in" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        <#elseif mode = "confirm">
            <p id="access-invitation-account">${msg("accessInvitationSignedInAs", currentUsername, currentEmail)}</p>
            <#if otherEmail>
                <p id="access-invitation-other-email">${msg("accessInvitationOtherEmail", invitedEmail)}</p>
            </#if>
            <form id="access-invitation-accept" class="${properties.kcFormClass!}" action="${acceptAction}" method="post">
                <input type="hidden" name="key" value="${key}"/>
                <@buttons.actionGroup>
                    <@buttons.button id="access-invitation-accept-button" name="accept" label="accessInvitationAccept"/>
                </@buttons.actionGroup>
            </form>
            <p><a id="access-invitation-switch" href="${switchUrl}">${msg("accessInvitationUseAnotherAccount")}</a></p>
        <#elseif mode = "wrong-account">
            <p id="access-invitation-wrong-account">${msg("accessInvitationWrongAccount", currentUsername, currentEmail, invitedEmail)}</p>
            <@buttons.actionGroup>
                <@buttons.buttonLink href=switchUrl label="accessInvitationSwitchAccount" id="access-invitation-switch" class=["kcButtonPrimaryClass", "kcButtonBlockClass"]/>
            </@buttons.actionGroup>
        </#if>
    </#if>
</@layout.registrationLayout>
