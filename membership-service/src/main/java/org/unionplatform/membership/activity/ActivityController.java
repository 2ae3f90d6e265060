package org.unionplatform.membership.activity;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.activity.ActivityRequests.AttendanceRequest;
import org.unionplatform.membership.activity.ActivityRequests.CancellationRequest;
import org.unionplatform.membership.activity.ActivityRequests.GuestCodeRequest;
import org.unionplatform.membership.activity.ActivityRequests.GuestSignUpRequest;
import org.unionplatform.membership.activity.ActivityRequests.PublishRequest;
import org.unionplatform.membership.activity.ActivityViews.ActivityDetail;
import org.unionplatform.membership.activity.ActivityViews.ActivityFigures;
import org.unionplatform.membership.activity.ActivityViews.ActivityView;
import org.unionplatform.membership.activity.ActivityViews.AttendanceView;
import org.unionplatform.membership.activity.ActivityViews.MySignUp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Activities (docs/membership.md, "Activities"): staff, the phone's public side, the member's own, the door. */
@RestController
@RequestMapping("/api/members/activities")
@Validated
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    ResponseEntity<ActivityView> publish(@Valid @RequestBody PublishRequest request, Caller caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ActivityView.of(activities.publish(caller, request)));
    }

    /** Organizers: their subtree's activities; attendants: those at their stations. Newest first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ORGANIZER','STATION_ATTENDANT','ADMIN')")
    PageResponse<ActivityView> list(@RequestParam(defaultValue = "false") boolean current,
            @Valid PageQuery paging, Caller caller) {
        var pageable = paging.toPageRequest(Sort.by(Sort.Direction.DESC, "startsAt", "_id"));
        return PageResponse.of(activities.list(caller, current, pageable), ActivityView::of);
    }

    @GetMapping("/{activityId}")
    @PreAuthorize("hasAnyRole('ORGANIZER','STATION_ATTENDANT','ADMIN')")
    ActivityDetail detail(@PathVariable String activityId, Caller caller) {
        return ActivityDetail.of(activities.staffView(caller, activityId));
    }

    @GetMapping("/figures")
    @PreAuthorize("hasAnyRole('ORGANIZER','BENEFIT_OFFICER','ADMIN')")
    ActivityFigures figures(@RequestParam @NotBlank @Size(max = 64) String organizationId, Caller caller) {
        return ActivityFigures.of(organizationId, activities.inSubtree(caller, organizationId.strip()));
    }

    /** Public: open activities not yet over, soonest first. */
    @GetMapping("/open")
    PageResponse<ActivityView> open(@Valid PageQuery paging) {
        var pageable = paging.toPageRequest(Sort.by("startsAt", "_id"));
        return PageResponse.of(activities.open(pageable), ActivityView::of);
    }

    @GetMapping("/open/{activityId}")
    ActivityView openOne(@PathVariable String activityId) {
        return ActivityView.of(activities.openOne(activityId));
    }

    /** The signed-in member signs up: 201 with the code, a place or the waiting position (200 if already). */
    @PostMapping("/{activityId}/sign-ups")
    @PreAuthorize("hasRole('MEMBER')")
    ResponseEntity<MySignUp> signUp(@PathVariable String activityId, Caller caller) {
        return signed(activities.signUpMember(caller, activityId));
    }

    /** Public (strict rate limit): a code to a non-member's phone, always 202. */
    @PostMapping("/{activityId}/guest-codes")
    ResponseEntity<Void> guestCode(@PathVariable String activityId, @Valid @RequestBody GuestCodeRequest request) {
        activities.requestGuestCode(activityId, request.phone());
        return ResponseEntity.status(HttpStatus.ACCEPTED).cacheControl(CacheControl.noStore()).build();
    }

    /** Public (strict rate limit): a non-member's sign-up with the code sent to their phone. */
    @PostMapping("/{activityId}/guest-sign-ups")
    ResponseEntity<MySignUp> guestSignUp(@PathVariable String activityId,
            @Valid @RequestBody GuestSignUpRequest request) {
        return signed(activities.signUpGuest(activityId, request));
    }

    /** Public: whoever holds the sign-up code gives the place up. */
    @PostMapping("/{activityId}/cancellations")
    ActivityView cancel(@PathVariable String activityId, @Valid @RequestBody CancellationRequest request) {
        return ActivityView.of(activities.cancel(activityId, request.code()));
    }

    @GetMapping("/mine")
    @PreAuthorize("hasRole('MEMBER')")
    List<MySignUp> mine(Caller caller) {
        return activities.mine(caller).stream().flatMap(a -> a.signUps().stream()
                .filter(s -> caller.memberId().equals(s.memberId())).map(s -> MySignUp.of(a, s))).toList();
    }

    /** The door: an organizer in scope or an attendant of the venue station. 200 either way; {@code already}. */
    @PostMapping("/{activityId}/attendance")
    @PreAuthorize("hasAnyRole('ORGANIZER','STATION_ATTENDANT','ADMIN')")
    AttendanceView attend(@PathVariable String activityId, @Valid @RequestBody AttendanceRequest request,
            Caller caller) {
        return AttendanceView.of(activities.attend(caller, activityId, request.code()));
    }

    private static ResponseEntity<MySignUp> signed(Activities.Signed signed) {
        return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK).cacheControl(CacheControl.noStore())
                .body(MySignUp.of(signed.activity(), signed.signUp()));
    }
}
