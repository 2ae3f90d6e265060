package org.unionplatform.organization.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.unionplatform.common.security.Role;
import org.unionplatform.common.time.ChinaTime;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.organization.auth.StaffAccounts;
import org.unionplatform.organization.company.Companies;
import org.unionplatform.organization.company.CompanyRequests.RegisterCompany;
import org.unionplatform.organization.company.CompanyStatus;
import org.unionplatform.organization.company.CompanyType;
import org.unionplatform.organization.progress.Targets;
import org.unionplatform.common.reference.CreditCodes;
import org.unionplatform.organization.tally.Counters;
import org.unionplatform.organization.tally.Tally;
import org.unionplatform.organization.tally.TallyRepository;
import org.unionplatform.organization.directory.UnionDirectory;
import org.unionplatform.organization.tree.Organization;
import org.unionplatform.organization.tree.OrganizationKind;
import org.unionplatform.organization.tree.OrganizationRequests.CreateOrganization;
import org.unionplatform.organization.tree.Organizations;

// Over 200 lines: one job, most of it the demo figures themselves (the tree, companies and targets as data).
/**
 * The demo data of the seed (docs/organizations.md): the Shaanxi tree (Xi'an with Beilin and its streets, Xianyang's
 * courier federation, Yulin's counties and 21 industry federations), the platforms and partner companies with
 * their statuses, unions founded, targets, and one demo staff account per role. Every organisation is announced
 * ({@code organization.established}). Member figures are not seeded: they come from membership-service's demo
 * members, each announced by {@code membership.approved}, through the same counting as real members. Loaded
 * once, when the tree is empty. Company names other than those the seed names are invented; credit codes are
 * generated (valid check character).
 */
@Component
@ConditionalOnBooleanProperty("platform.demo-data.enabled")
@EnableConfigurationProperties(DemoDataProperties.class)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String BY = "demo-data";
    private static final Set<String> ALL_TYPES = Set.copyOf(WorkerTypes.standard().codes());

    private final Organizations organizations;
    private final Companies companies;
    private final Targets targets;
    private final TallyRepository tallies;
    private final StaffAccounts accounts;
    private final MongoTemplate mongo;
    private final DemoDataProperties properties;
    private final UnionDirectory directory;
    private final Clock clock;
    private final Random random = new Random(20260610L);
    private int creditSerial;
    private YearMonth thisMonth;

    DemoData(Organizations organizations, Companies companies, Targets targets, TallyRepository tallies,
            StaffAccounts accounts, MongoTemplate mongo, DemoDataProperties properties, Clock clock,
            UnionDirectory directory) {
        this.organizations = organizations;
        this.directory = directory;
        this.companies = companies;
        this.targets = targets;
        this.tallies = tallies;
        this.accounts = accounts;
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.background()) {
            loadAccounts();
            Thread.ofVirtual().name("demo-data").start(this::load);
        } else {
            load();
        }
    }

    /** Loads the demo data unless the tree already has organisations; then the demo accounts if missing. */
    synchronized void load() {
        thisMonth = YearMonth.now(clock.withZone(ChinaTime.ZONE));
        if (!mongo.exists(new Query(), Organization.class)) {
            loadTree();
            log.info("Demo data loaded: the Shaanxi union tree, companies and targets for {}", thisMonth.getYear());
        }
        loadAccounts();
    }

    private void loadAccounts() {
        String password = properties.password();
        if (password == null || password.isBlank()) {
            log.warn("platform.demo-data.password is not set: no demo staff accounts created");
            return;
        }
        accounts.createIfAbsent("demo-admin", password, Set.of(Role.ADMIN), null, null, Set.of(), BY);
        accounts.createIfAbsent("beilin-organizer", password, Set.of(Role.ORGANIZER), "xian-beilin",
                "/shaanxi/xian/xian-beilin/", Set.of(), BY);
        accounts.createIfAbsent("xianyang-officer", password, Set.of(Role.BENEFIT_OFFICER), "xianyang",
                "/shaanxi/xianyang/", Set.of(), BY);
        accounts.createIfAbsent("xy-attendant", password, Set.of(Role.STATION_ATTENDANT), null, null,
                Set.of("xy-love-01", "xy-love-02", "xy-love-03"), BY);
    }

    private void loadTree() {
        Organization shaanxi = org("shaanxi", "陕西省总工会", OrganizationKind.PROVINCE_FEDERATION, "610000",
                ALL_TYPES, null);
        xian(shaanxi);
        xianyang(shaanxi);
        yulin(shaanxi);
        contacts();
        targets.seed(shaanxi, thisMonth.getYear(), Map.of("TRUCK_DRIVER", 22000L, "RIDE_HAILING_DRIVER", 9000L,
                "COURIER", 6000L, "DELIVERY_RIDER", 6000L, "DESIGNATED_DRIVER", 1000L, "DOMESTIC_WORKER", 1000L),
                150, BY);
    }

    private void xian(Organization shaanxi) {
        Organization xian = org("xian", "西安市总工会", OrganizationKind.CITY_FEDERATION, "610100", ALL_TYPES, shaanxi);
        Organization beilin = org("xian-beilin", "碑林区总工会", OrganizationKind.DISTRICT_FEDERATION, "610103",
                ALL_TYPES, xian);
        String[][] streets = {{"nanyuanmen", "南院门街道", "610103001"}, {"baishulin", "柏树林街道", "610103002"},
                {"changlefang", "长乐坊街道", "610103003"}, {"dongguannanjie", "东关南街街道", "610103004"},
                {"taiyilu", "太乙路街道", "610103005"}, {"wenyilu", "文艺路街道", "610103006"},
                {"changanlu", "长安路街道", "610103007"}, {"zhangjiacun", "张家村街道", "610103008"}};
        for (String[] street : streets) {
            org("beilin-" + street[0], street[1] + "总工会", OrganizationKind.STREET_FEDERATION, street[2],
                    ALL_TYPES, beilin);
        }
        Organization joint = org("beilin-delivery-joint", "碑林区网约送餐行业联合工会（蓝骑士）",
                OrganizationKind.PLATFORM_UNION, "610103", Set.of("DELIVERY_RIDER"), beilin,
                Set.of("饿了么", "蓝骑士"));
        Organization partnerA = org("beilin-delivery-sudajia", "西安速达佳配送服务有限公司工会",
                OrganizationKind.ENTERPRISE_UNION, "610103", Set.of("DELIVERY_RIDER"), beilin);
        Organization partnerB = org("beilin-delivery-youqi", "西安优骑物流有限公司工会",
                OrganizationKind.ENTERPRISE_UNION, "610103", Set.of("DELIVERY_RIDER"), beilin);
        founded(joint, 5);

        company("美团外卖陕西分公司", CompanyType.PLATFORM, "美团", "610103", beilin, CompanyStatus.GUIDED, null,
                Map.of("DELIVERY_RIDER", 2600), true, 6);
        company("上海拉扎斯信息科技有限公司西安分公司", CompanyType.PLATFORM, "饿了么", "610103", beilin,
                CompanyStatus.ESTABLISHED, joint, Map.of("DELIVERY_RIDER", 1300), true, 2);
        company("迪普斯（重庆）物流有限公司", CompanyType.FRANCHISE, "饿了么", "610103", beilin,
                CompanyStatus.ESTABLISHED, joint, Map.of("DELIVERY_RIDER", 260), false, -1);
        company("西安速达佳配送服务有限公司", CompanyType.PARTNER, "美团", "610103", beilin,
                CompanyStatus.ESTABLISHED, partnerA, Map.of("DELIVERY_RIDER", 540), false, -1);
        company("西安优骑物流有限公司", CompanyType.PARTNER, "美团", "610103", beilin, CompanyStatus.ESTABLISHED,
                partnerB, Map.of("DELIVERY_RIDER", 480), false, -1);
        for (int i = 1; i <= 3; i++) {
            companies.registerWithHistory(null, new RegisterCompany(null, "美团外卖碑林配送站" + i + "号站点",
                    CompanyType.OUTLET, "美团", null, "610103", beilin.id(), Map.of("DELIVERY_RIDER", 40 + 5 * i),
                    false), beilin, CompanyStatus.SURVEYED, null, dates(), BY);
        }
        targets.seed(beilin, thisMonth.getYear(), Map.of("DELIVERY_RIDER", 1200L), 6, BY);
        targets.seed(partnerA, thisMonth.getYear(), Map.of("DELIVERY_RIDER", 120L), 0, BY);
        targets.seed(joint, thisMonth.getYear(), Map.of("DELIVERY_RIDER", 700L), 0, BY);

        Organization rideHailing = org("xian-ride-hailing-federation", "西安市网约车行业工会联合会",
                OrganizationKind.INDUSTRY_FEDERATION, "610100", Set.of("RIDE_HAILING_DRIVER"), xian);
        Organization shouqi = org("shouqi-union", "首汽约车西安分公司工会", OrganizationKind.ENTERPRISE_UNION,
                "610100", Set.of("RIDE_HAILING_DRIVER"), rideHailing);
        Organization rongcheng = org("rongcheng-union", "荣橙出行工会", OrganizationKind.ENTERPRISE_UNION, "610100",
                Set.of("RIDE_HAILING_DRIVER"), rideHailing);
        founded(rongcheng, 3);
        company("首汽约车西安分公司", CompanyType.PLATFORM, "首汽约车", "610100", rideHailing,
                CompanyStatus.ESTABLISHED, shouqi, Map.of("RIDE_HAILING_DRIVER", 3800), true, 3);
        company("荣橙出行科技有限公司", CompanyType.PLATFORM, "荣橙出行", "610100", rideHailing,
                CompanyStatus.ESTABLISHED, rongcheng, Map.of("RIDE_HAILING_DRIVER", 620), true, 1);
        String[] platforms = {"秦行出行", "长安约车", "古城快车", "曲江出行", "雁塔约车", "大唐出行", "丝路快车",
                "钟楼约车", "城墙出行", "未央快车", "浐灞出行", "终南约车"};
        CompanyStatus[] statuses = {CompanyStatus.PREPARING, CompanyStatus.GUIDED, CompanyStatus.GUIDED,
                CompanyStatus.SURVEYED};
        for (int i = 0; i < platforms.length; i++) {
            company("西安" + platforms[i] + "网络科技有限公司", CompanyType.PLATFORM, platforms[i], "610100",
                    rideHailing, statuses[i % statuses.length], null,
                    Map.of("RIDE_HAILING_DRIVER", 150 + random.nextInt(900)), true, i % 3 == 2 ? 12 : i % 5);
        }
        targets.seed(xian, thisMonth.getYear(), Map.of("RIDE_HAILING_DRIVER", 6000L, "DELIVERY_RIDER", 4000L,
                "COURIER", 1500L), 50, BY);
        targets.seed(rideHailing, thisMonth.getYear(), Map.of("RIDE_HAILING_DRIVER", 3000L), 8, BY);
    }

    private void xianyang(Organization shaanxi) {
        Organization xianyang = org("xianyang", "咸阳市总工会", OrganizationKind.CITY_FEDERATION, "610400",
                ALL_TYPES, shaanxi);
        Organization courier = org("xianyang-courier-federation", "咸阳市快递行业工会联合会",
                OrganizationKind.INDUSTRY_FEDERATION, "610400", Set.of("COURIER"), xianyang);
        founded(courier, 2);
        founded(courier, 7);
        String[][] districts = {{"610402", "秦都"}, {"610403", "杨陵"}, {"610404", "渭城"}, {"610422", "三原"},
                {"610423", "泾阳"}, {"610424", "乾县"}, {"610425", "礼泉"}, {"610426", "永寿"}, {"610428", "长武"},
                {"610429", "旬邑"}, {"610430", "淳化"}, {"610431", "武功"}, {"610481", "兴平"}, {"610482", "彬州"}};
        String[] words = {"顺捷", "通达", "迅邮", "快嘉", "鸿运", "安递"};
        int headcount = 5720 + 380;
        for (int i = 0; i < 38; i++) {
            String[] district = districts[i % districts.length];
            CompanyStatus status = i < 30 ? CompanyStatus.ESTABLISHED : i < 35 ? CompanyStatus.PREPARING
                    : CompanyStatus.GUIDED;
            int people = i == 37 ? headcount : 100 + random.nextInt(60);
            headcount -= people;
            company("咸阳" + district[1] + words[i % words.length] + "快递服务有限公司",
                    i % 3 == 0 ? CompanyType.FRANCHISE : CompanyType.PARTNER, null, district[0], courier, status,
                    status == CompanyStatus.ESTABLISHED ? courier : null, Map.of("COURIER", people), i < 4,
                    i < 4 ? i * 3 : -1);
        }
        targets.seed(xianyang, thisMonth.getYear(), Map.of("COURIER", 2000L, "DELIVERY_RIDER", 500L), 15, BY);
        targets.seed(courier, thisMonth.getYear(), Map.of("COURIER", 1600L), 4, BY);
    }

    private void yulin(Organization shaanxi) {
        Organization yulin = org("yulin", "榆林市总工会", OrganizationKind.CITY_FEDERATION, "610800", ALL_TYPES,
                shaanxi);
        Organization truck = org("yulin-truck-federation", "榆林市货车司机行业工会联合会",
                OrganizationKind.INDUSTRY_FEDERATION, "610800", Set.of("TRUCK_DRIVER"), yulin);
        List<Organization> federations = new ArrayList<>(List.of(truck));
        String[][] counties = {{"610802", "yuyang", "榆阳区"}, {"610803", "hengshan", "横山区"},
                {"610822", "fugu", "府谷县"}, {"610824", "jingbian", "靖边县"}, {"610825", "dingbian", "定边县"},
                {"610826", "suide", "绥德县"}, {"610827", "mizhi", "米脂县"}, {"610828", "jiaxian", "佳县"},
                {"610829", "wubu", "吴堡县"}, {"610830", "qingjian", "清涧县"}, {"610831", "zizhou", "子洲县"},
                {"610881", "shenmu", "神木市"}};
        // Eleven counties set up county-level new-form federations (the seed names seven of them).
        Set<String> withFederation = Set.of("yuyang", "hengshan", "fugu", "jingbian", "suide", "mizhi", "jiaxian",
                "wubu", "qingjian", "zizhou", "shenmu");
        Map<String, Organization> countyFederations = new java.util.HashMap<>();
        int month = 2;
        for (String[] county : counties) {
            Organization federation = org("yulin-" + county[1], county[2] + "总工会",
                    OrganizationKind.DISTRICT_FEDERATION, county[0], ALL_TYPES, yulin);
            countyFederations.put(county[1], federation);
            if (withFederation.contains(county[1])) {
                Organization newForm = org("yulin-" + county[1] + "-new-form-federation",
                        county[2] + "新业态行业工会联合会", OrganizationKind.INDUSTRY_FEDERATION, county[0],
                        Set.of("TRUCK_DRIVER", "RIDE_HAILING_DRIVER", "COURIER", "DELIVERY_RIDER"), federation);
                federations.add(newForm);
                if (month <= thisMonth.getMonthValue()) {
                    founded(newForm, month);
                }
                month = month % thisMonth.getMonthValue() + 1;
            }
        }
        // Nine more industry federations: city-wide ones for the other worker types, and transport federations
        // where that transport concentrates (so no two city-wide federations share a worker type).
        String[][] industries = {{"courier", "快递", "COURIER", "-"}, {"ride-hailing", "网约车", "RIDE_HAILING_DRIVER", "-"},
                {"delivery", "外卖配送", "DELIVERY_RIDER", "-"}, {"designated-driving", "代驾", "DESIGNATED_DRIVER", "-"},
                {"domestic-service", "家政服务", "DOMESTIC_WORKER", "-"},
                {"coal-transport", "煤炭运输", "TRUCK_DRIVER", "shenmu"},
                {"hazardous-transport", "危险货物运输", "TRUCK_DRIVER", "dingbian"},
                {"logistics", "物流", "TRUCK_DRIVER", "yuyang"}, {"taxi", "出租汽车", "RIDE_HAILING_DRIVER", "hengshan"}};
        for (String[] industry : industries) {
            Organization parent = industry[3].equals("-") ? yulin : countyFederations.get(industry[3]);
            String prefix = industry[3].equals("-") ? "榆林市" : parent.name().replace("总工会", "");
            federations.add(org("yulin-" + industry[0] + "-federation", prefix + industry[1] + "行业工会联合会",
                    OrganizationKind.INDUSTRY_FEDERATION, parent.divisionCode(), Set.of(industry[2]), parent));
        }
        // 21 federations, 381 companies (the seed).
        int companiesLeft = 381;
        String[] words = {"宏达", "顺通", "长运", "能源", "泰丰", "恒通", "塞上", "陕北"};
        for (int f = 0; f < federations.size(); f++) {
            Organization federation = federations.get(f);
            boolean last = f == federations.size() - 1;
            int companyCount = last ? companiesLeft : 8 + random.nextInt(8);
            if (federation == truck) {
                companyCount = 40;
            }
            companiesLeft -= companyCount;
            String workerType = federation.workerTypes().contains("TRUCK_DRIVER") ? "TRUCK_DRIVER"
                    : federation.workerTypes().iterator().next();
            for (int c = 0; c < companyCount; c++) {
                String division = federation.divisionCode().equals("610800")
                        ? counties[random.nextInt(counties.length)][0] : federation.divisionCode();
                company("榆林" + words[c % words.length] + federation.name().substring(0, 2) + (c + 1)
                        + "号运输有限公司", CompanyType.PARTNER, null, division, federation,
                        CompanyStatus.ESTABLISHED, federation, Map.of(workerType, 20 + random.nextInt(60)),
                        false, -1);
            }
        }
        targets.seed(yulin, thisMonth.getYear(), Map.of("TRUCK_DRIVER", 15000L, "COURIER", 1000L,
                "RIDE_HAILING_DRIVER", 800L), 40, BY);
        targets.seed(truck, thisMonth.getYear(), Map.of("TRUCK_DRIVER", 5000L), 6, BY);
    }

    /** Office addresses and phones for the public union directory (made up, in the places' real streets). */
    private void contacts() {
        String[][] offices = {
            {"xian-beilin", "西安市碑林区南大街 45 号碑林区总工会", "029-87421001", null},
            {"beilin-delivery-joint", "西安市碑林区东关南街 88 号骑手之家二楼", "029-87421019",
                "饿了么、蓝骑士的骑手：在手机上申请入会（平台选饿了么），或到骑手之家现场办理；每月第一个周三有入会仪式。"},
            {"beilin-delivery-sudajia", "西安市碑林区长乐坊 12 号", "029-87421022", null},
            {"beilin-delivery-youqi", "西安市碑林区太乙路 31 号", "029-87421023", null},
            {"beilin-baishulin", "西安市碑林区柏树林街道办事处三楼", "029-87421031", null},
            {"beilin-nanyuanmen", "西安市碑林区南院门街道办事处二楼", "029-87421032", null},
            {"xian-ride-hailing-federation", "西安市新城区西五路 123 号", "029-87300011", null},
            {"shouqi-union", "西安市未央区凤城八路 168 号", "029-86500021", null},
            {"rongcheng-union", "西安市雁塔区科技路 25 号", "029-88300031", null},
            {"xianyang-courier-federation", "咸阳市秦都区人民中路 55 号", "029-33210011",
                "快递员：在手机上申请入会（职业选快递员），或到附近的爱心驿站咨询。"},
            {"yulin-truck-federation", "榆林市榆阳区长城南路 66 号", "0912-3281001",
                "货车司机：在手机上申请入会（职业选货车司机），或到沿线司机之家现场办理。"},
        };
        for (String[] office : offices) {
            directory.enterContact(office[0], new Organization.Contact(office[1], office[2], office[3]), BY);
        }
    }

    private Organization org(String id, String name, OrganizationKind kind, String division, Set<String> types,
            Organization parent) {
        return org(id, name, kind, division, types, parent, Set.of());
    }

    private Organization org(String id, String name, OrganizationKind kind, String division, Set<String> types,
            Organization parent, Set<String> platforms) {
        // Announced like every organisation, so membership-service knows the demo unions (bulk enrolment,
        // transfers, its own demo members) exactly as it knows real ones.
        return organizations.create(id, new CreateOrganization(name, kind, division, types, platforms,
                parent == null ? null : parent.id()), parent, BY, true);
    }

    private void founded(Organization union, int month) {
        YearMonth at = YearMonth.of(thisMonth.getYear(), Math.min(month, thisMonth.getMonthValue()));
        tallies.add(Tally.idsOf(union.path()), Map.of(Counters.UNIONS_FOUNDED, 1L), at,
                Map.of(Counters.UNIONS_FOUNDED, 1L));
    }

    /**
     * A company surveyed in the spring that has reached {@code status}; {@code followedUpDaysAgo} >= 0 records
     * a follow-up that many days ago.
     */
    private void company(String name, CompanyType type, String platform, String division, Organization owner,
            CompanyStatus status, Organization covering, Map<String, Integer> headcount, boolean keyPlatform,
            int followedUpDaysAgo) {
        var company = companies.registerWithHistory(null, new RegisterCompany(creditCode(division), name, type,
                platform, null, division, owner.id(), headcount, keyPlatform), owner, status,
                covering == null ? null : covering.id(), dates(), BY);
        if (followedUpDaysAgo >= 0) {
            companies.seedFollowUp(company.id(), BY, "每周跟进建会进度：已与企业负责人沟通",
                    clock.instant().minusSeconds(86_400L * followedUpDaysAgo));
        }
    }

    /** Dates of the four statuses: surveyed in March, then a month or so per step, never in the future. */
    private List<Instant> dates() {
        LocalDate start = LocalDate.of(thisMonth.getYear(), 3, 1).plusDays(random.nextInt(30));
        LocalDate today = LocalDate.now(clock.withZone(ChinaTime.ZONE));
        List<Instant> dates = new ArrayList<>();
        for (int i = 0; i < CompanyStatus.values().length; i++) {
            LocalDate date = start.plusDays(35L * i + random.nextInt(10));
            dates.add((date.isAfter(today) ? today : date).atTime(10, 0).atZone(ChinaTime.ZONE).toInstant());
        }
        return dates;
    }

    /** A generated code: registered by market regulation (9), an enterprise (1), the division, a serial. */
    private String creditCode(String division) {
        String first17 = "91" + division + "MA" + String.format("%07d", ++creditSerial);
        return first17 + CreditCodes.checkCharacter(first17);
    }
}
