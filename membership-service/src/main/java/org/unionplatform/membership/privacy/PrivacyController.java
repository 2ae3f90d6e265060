package org.unionplatform.membership.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.membership.member.Member;
import org.unionplatform.membership.member.MemberRepository;
import org.unionplatform.membership.privacy.MemberDataExports.MemberExport;
import org.unionplatform.membership.privacy.PersonalDataReads.PersonalDataRead;

/** A member's own: who read my personal data, and everything held about me as a download. */
@RestController
@PreAuthorize("hasRole('MEMBER')")
class PrivacyController {

    private final MemberRepository members;
    private final PersonalDataReads reads;
    private final MemberDataExports exports;

    PrivacyController(MemberRepository members, PersonalDataReads reads, MemberDataExports exports) {
        this.members = members;
        this.reads = reads;
        this.exports = exports;
    }

    /** Newest first. */
    @GetMapping("/api/members/me/personal-data-reads")
    PageResponse<PersonalDataRead> personalDataReads(@Valid PageQuery paging, Caller caller) {
        Member member = own(caller);
        return reads.of(member.id(), paging.toPageRequest(Sort.unsorted()));
    }

    /** A JSON file (UTF-8) named like 我的会员数据-2026-12-02.json. */
    @GetMapping("/api/members/me/export")
    ResponseEntity<MemberExport> export(Caller caller) {
        MemberExport export = exports.export(own(caller));
        String day = export.exportedAt().atZone(ChinaTime.ZONE).toLocalDate().toString();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("我的会员数据-" + day + ".json", StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(export);
    }

    private Member own(Caller caller) {
        return AccessScope.of(caller).requireSelf(Optional.ofNullable(caller.memberId()).flatMap(members::findById),
                Member::id, "Member", caller.memberId());
    }
}
