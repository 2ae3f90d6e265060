package org.unionplatform.organization.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.reference.Place;
import org.unionplatform.common.security.Caller;
import org.unionplatform.common.web.PageQuery;
import org.unionplatform.common.web.PageResponse;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The public union directory and the contact details it shows (docs/organizations.md, "The union directory"). */
@RestController
@RequestMapping("/api/organizations")
@Validated
class DirectoryController {

    private final UnionDirectory directory;

    DirectoryController(UnionDirectory directory) {
        this.directory = directory;
    }

    /** The office's details; how to join in the union's own words, else the phone application is the way. */
    record ContactRequest(@Size(max = 200) String address,
            @Size(max = 20) @Pattern(regexp = "[0-9+() -]{7,20}") String officePhone,
            @Size(max = 500) String howToJoin) {
    }

    /** One union as the directory shows it (no person's data: the office's address and phone only). */
    record DirectoryEntry(String id, String name, String kind, String kindLabel, String divisionCode,
            String placeName, String address, String officePhone, List<String> platforms, List<String> workerTypes,
            boolean admitsMembers, String howToJoin) {
    }

    /** What the search understood: the place it searched within (null: everywhere), and the unions found. */
    record DirectoryPage(String placeCode, String placeName, PageResponse<DirectoryEntry> unions) {
    }

    @GetMapping("/directory")
    DirectoryPage search(@RequestParam(required = false) @Size(max = 50) String place,
            @RequestParam(required = false) @Size(max = 50) String platform,
            @RequestParam(required = false) @Size(max = 50) String workerType, @Valid PageQuery paging) {
        var at = place == null || place.isBlank() ? Optional.<Place>empty() : directory.place(place);
        if (place != null && !place.isBlank() && at.isEmpty()) {
            return new DirectoryPage(null, null, new PageResponse<>(List.of(), 0, 0, 0, 0));
        }
        var page = directory.search(at, platform, workerType, paging.toPageRequest(Sort.by("path")));
        return new DirectoryPage(at.map(Place::code).orElse(null),
                at.map(p -> directory.placeName(p.code())).orElse(null), PageResponse.of(page, this::entry));
    }

    @PutMapping("/{id}/contact")
    @PreAuthorize("hasAnyRole('ADMIN','ORGANIZER')")
    DirectoryEntry changeContact(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,64}") String id,
            @Valid @RequestBody ContactRequest request, Caller caller) {
        return entry(directory.changeContact(id, new Organization.Contact(blankToNull(request.address()),
                blankToNull(request.officePhone()), blankToNull(request.howToJoin())), caller));
    }

    private DirectoryEntry entry(Organization o) {
        var contact = o.contact();
        boolean admits = o.kind().divisionLevel() == null || o.kind() == OrganizationKind.STREET_FEDERATION;
        String howToJoin = contact != null && contact.howToJoin() != null ? contact.howToJoin()
                : admits ? "在手机上申请入会（工会服务 › 入会），系统按平台和所在地分派到本工会办理；也可到办公地点或拨打办公电话咨询。"
                        : "本会指导辖区内的基层工会和联合工会，不直接办理入会；在手机上申请入会，系统会分派到合适的工会。";
        return new DirectoryEntry(o.id(), o.name(), o.kind().name(), o.kind().label(), o.divisionCode(),
                directory.placeName(o.divisionCode()), contact == null ? null : contact.address(),
                contact == null ? null : contact.officePhone(), o.platforms().stream().sorted().toList(),
                o.workerTypes().stream().sorted().toList(), admits, howToJoin);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
