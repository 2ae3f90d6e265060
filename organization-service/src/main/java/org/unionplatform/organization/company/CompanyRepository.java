package org.unionplatform.organization.company;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.security.AccessScope;
import org.unionplatform.common.security.Caller;

/** Companies in MongoDB; saved whole, so the status event travels in the same write. */
@Component
public class CompanyRepository {

    private final MongoTemplate mongo;

    CompanyRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Company> byId(String id) {
        return Optional.ofNullable(mongo.findById(id, Company.class));
    }

    /** The company if it is in the caller's subtree; 404 otherwise (existence does not leak). */
    public Company requireVisible(String id, Caller caller) {
        return AccessScope.of(caller).requireInSubtree(byId(id), Company::orgPath, "Company", id);
    }

    public Optional<Company> byCreditCode(String creditCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("creditCode").is(creditCode)), Company.class));
    }

    boolean creditCodeTaken(String creditCode) {
        return mongo.exists(Query.query(where("creditCode").is(creditCode)), Company.class);
    }

    /** A page of the companies matching {@code criteria} (the caller's scope is part of it). */
    public Page<Company> page(Criteria criteria, Pageable pageable) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, Company.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Company.class), pageable, total);
    }

    Company insert(Company company) {
        return mongo.insert(company);
    }

    Company save(Company company) {
        return mongo.save(company);
    }
}
