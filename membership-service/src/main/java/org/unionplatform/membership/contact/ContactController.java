package org.unionplatform.membership.contact;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.common.pii.ProtectedMobilePhone;
import org.unionplatform.common.security.Caller;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.signin.OneTimeCodes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A member's phone: changed by the member with a code to the new phone, or by an organizer in scope; its history. */
@RestController
@RequestMapping("/api/members")
@Validated
class ContactController {

    private final ContactChanges changes;
    private final OneTimeCodes codes;

    ContactController(ContactChanges changes, OneTimeCodes codes) {
        this.changes = changes;
        this.codes = codes;
    }

    record NewPhone(@NotNull @MobilePhone String phone) {
    }

    record CodeSent(String message, long codeValidForSeconds, long nextCodeAfterSeconds) {
    }

    /** A code to the new phone; confirm it with {@code POST /me/phone}. */
    @PostMapping("/me/phone/codes")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<CodeSent> requestCode(@Valid @RequestBody NewPhone request, Caller caller) {
        changes.requestCode(MobilePhoneNumber.parse(request.phone()).value(), caller);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new CodeSent("验证码已发送到新手机号。",
                codes.codeValidForSeconds(), codes.nextCodeAfterSeconds()));
    }

    record ConfirmPhone(@NotNull @MobilePhone String phone,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    /** What a member's contact details are now, and how they changed. */
    record Contact(String memberId, ProtectedMobilePhone phone, List<Member.ContactChange> history) {

        static Contact of(Member member) {
            return new Contact(member.id(), member.worker().phone(), member.contactChanges());
        }
    }

    @PostMapping("/me/phone")
    @PreAuthorize("hasRole('MEMBER')")
    Contact confirm(@Valid @RequestBody ConfirmPhone request, Caller caller) {
        return Contact.of(changes.confirm(MobilePhoneNumber.parse(request.phone()).value(), request.code(), caller));
    }

    record OrganizerPhoneChange(@NotNull @MobilePhone String phone, @NotBlank @Size(max = 500) String reason) {
    }

    /** An organizer in scope sets a member's phone (they met the member); the reason is kept. */
    @PostMapping("/{memberId}/phone")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    Contact changeByOrganizer(@PathVariable String memberId, @Valid @RequestBody OrganizerPhoneChange request,
            Caller caller) {
        return Contact.of(changes.changeByOrganizer(memberId, MobilePhoneNumber.parse(request.phone()).value(),
                request.reason().strip(), caller));
    }

    /** The member's contact changes, oldest first (phones masked). */
    @GetMapping("/{memberId}/contact-history")
    @PreAuthorize("hasAnyRole('MEMBER','ORGANIZER','ADMIN')")
    List<Member.ContactChange> history(@PathVariable String memberId, Caller caller) {
        return changes.history(memberId, caller);
    }
}
