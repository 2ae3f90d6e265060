package org.unionplatform.membership.activity;

import java.time.Instant;
import java.util.List;

import org.unionplatform.common.pii.MobilePhone;
import org.unionplatform.common.workers.KnownWorkerType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Request bodies of the activity endpoints. */
final class ActivityRequests {

    private ActivityRequests() {
    }

    record PublishRequest(@NotBlank @Size(max = 64) String organizationId, @NotBlank @Size(max = 100) String title,
            @NotNull ActivityKind kind, @Size(max = 2000) String description, @NotNull @Valid VenueRequest venue,
            @NotNull Instant startsAt, @NotNull Instant endsAt, @Min(1) @Max(Activity.MAX_CAPACITY) int capacity,
            @NotNull Audience audience, @Size(max = 50) List<@Valid @NotNull JobPostRequest> jobPosts) {
    }

    /** A station (its id, with its name and address as picked) or an address alone: the name is always given. */
    record VenueRequest(@Size(max = 64) String stationId, @NotBlank @Size(max = 100) String name,
            @Size(max = 200) String address) {
    }

    record JobPostRequest(@NotBlank @Size(max = 100) String employer, @NotBlank @Size(max = 100) String position,
            @Min(0) @Max(1_000_000) int payFromYuan, @Min(0) @Max(1_000_000) int payToYuan,
            @Min(1) @Max(10_000) int openings) {
    }

    record GuestCodeRequest(@NotBlank @MobilePhone String phone) {
    }

    record GuestSignUpRequest(@NotBlank @Size(max = 50) String name, @NotBlank @MobilePhone String phone,
            @NotBlank @KnownWorkerType String workerType, @NotBlank @Pattern(regexp = "\\d{6}") String code) {
    }

    record CancellationRequest(@NotBlank @Size(max = 20) String code) {
    }

    /** What was shown at the door: a sign-up code, a card number or a member QR token. */
    record AttendanceRequest(@NotBlank @Size(max = 200) String code) {
    }
}
