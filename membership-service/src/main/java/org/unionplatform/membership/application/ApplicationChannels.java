package org.unionplatform.membership.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unionplatform.common.security.Caller;
import org.unionplatform.membership.activity.Activity;
import org.unionplatform.membership.organization.KnownOrganizations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Joins by channel: of the applications dispatched into an organisation's subtree, how many each channel (a
 * station, an activity, a campaign code) brought and how many of those were approved. An activity is named by its
 * title; a station by its id (the console names it from station-service's list).
 */
@RestController
@Validated
class ApplicationChannels {

    private final MongoOperations mongo;
    private final KnownOrganizations organizations;

    ApplicationChannels(MongoOperations mongo, KnownOrganizations organizations) {
        this.mongo = mongo;
        this.organizations = organizations;
    }

    record ChannelRow(String channel, String kind, String reference, String label, long applications,
            long approved) {
    }

    record JoinsByChannel(String organizationId, List<ChannelRow> channels) {
    }

    @GetMapping("/api/members/applications/channels")
    @PreAuthorize("hasAnyRole('ORGANIZER','ADMIN')")
    JoinsByChannel joinsByChannel(@RequestParam @NotBlank @Size(max = 64) String organizationId, Caller caller) {
        var organization = organizations.requireInScope(caller, organizationId.strip());
        Query query = Query.query(where("channel").exists(true).and("orgPath")
                .regex("^" + Pattern.quote(organization.orgPath())));
        Map<String, long[]> counts = new TreeMap<>();
        for (Application application : mongo.find(query, Application.class)) {
            long[] row = counts.computeIfAbsent(application.channel(), key -> new long[2]);
            row[0]++;
            if (application.status() == ApplicationStatus.APPROVED) {
                row[1]++;
            }
        }
        return new JoinsByChannel(organization.id(), counts.entrySet().stream().map(entry -> {
            String[] parts = entry.getKey().split(":", 2);
            String label = parts[0].equals("activity") ? activityTitle(parts[1]) : null;
            return new ChannelRow(entry.getKey(), parts[0].toUpperCase(java.util.Locale.ROOT), parts[1], label,
                    entry.getValue()[0], entry.getValue()[1]);
        }).toList());
    }

    private String activityTitle(String activityId) {
        Activity activity = mongo.findById(activityId, Activity.class);
        return activity == null ? null : activity.title();
    }
}
