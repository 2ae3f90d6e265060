package org.unionplatform.membership.signin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.pii.MobilePhoneNumber;
import org.unionplatform.membership.client.MemberTokenClient;

/**
 * Public member sign-in: ask for a code with the card number or the phone number, then trade it and the code for
 * an access token (role MEMBER, claim {@code member}) that reads the member's own record and history.
 */
@RestController
@RequestMapping("/api/members/sign-in")
class SignInController {

    private final SignInCodes codes;
    private final SignInProperties properties;

    SignInController(SignInCodes codes, SignInProperties properties) {
        this.codes = codes;
        this.properties = properties;
    }

    record CodeRequest(@NotNull @Pattern(regexp = "[0-9]{16}", message = "must be the 16 digits of a member card")
            String cardNumber) {
    }

    record TokenRequest(@NotNull @Pattern(regexp = "[0-9]{16}", message = "must be the 16 digits of a member card")
            String cardNumber, @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    /** The same answer for every well-formed card number, member or not. */
    record CodeRequested(String message, long codeValidForSeconds, long nextCodeAfterSeconds) {
    }

    @PostMapping("/codes")
    ResponseEntity<CodeRequested> requestCode(@Valid @RequestBody CodeRequest request) {
        codes.request(request.cardNumber());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(new CodeRequested(
                "If this card belongs to an active member, a sign-in code has been sent to the member's phone.",
                properties.codeTtl().toSeconds(), properties.codeInterval().toSeconds()));
    }

    record PhoneCodeRequest(@NotNull @MobilePhone String phone) {
    }

    record PhoneTokenRequest(@NotNull @MobilePhone String phone,
            @NotNull @Pattern(regexp = "[0-9]{6}", message = "must be 6 digits") String code) {
    }

    /** The same answer for every mainland mobile number, a member's or not. */
    @PostMapping("/phone/codes")
    ResponseEntity<CodeRequested> requestCodeByPhone(@Valid @RequestBody PhoneCodeRequest request) {
        codes.requestByPhone(MobilePhoneNumber.parse(request.phone()).value());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).body(new CodeRequested(
                "If this phone belongs to an active member, a sign-in code has been sent to it.",
                properties.codeTtl().toSeconds(), properties.codeInterval().toSeconds()));
    }

    @PostMapping("/phone/token")
    ResponseEntity<MemberTokenClient.MemberToken> tokenByPhone(@Valid @RequestBody PhoneTokenRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(codes.signInByPhone(MobilePhoneNumber.parse(request.phone()).value(), request.code()));
    }

    @PostMapping("/token")
    ResponseEntity<MemberTokenClient.MemberToken> token(@Valid @RequestBody TokenRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .body(codes.signIn(request.cardNumber(), request.code()));
    }
}
