package org.unionplatform.station.demo;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionplatform.station.geo.GeoPoint;
import org.unionplatform.station.station.OpeningHours;
import org.unionplatform.station.station.StationDetails;

/** The demo stations (docs/stations.md, "Demo data") with their operators, places and usual number of visits a day. */
final class DemoStations {

    private DemoStations() {
    }

    record DemoStation(String id, String organizationId, String orgPath, StationDetails details, int visitsPerDay,
            String workerType) {
    }

    private static final String XIANYANG_COURIERS = "/shaanxi/xianyang/xianyang-courier-federation/";
    private static final String YULIN_TRUCKS = "/shaanxi/yulin/yulin-truck-federation/";
    private static final String BEILIN_RIDERS = "/shaanxi/xian/xian-beilin/beilin-delivery-joint/";
    private static final String BEILIN = "/shaanxi/xian/xian-beilin/";

    private static final String[] XIANYANG_PLACES = {"渭城区人民路", "秦都区世纪大道", "秦都区玉泉路", "渭城区文汇路",
        "秦都区咸通路", "渭城区北平街", "秦都区西兰路", "高新区高科二路", "渭城区朝阳路", "秦都区毕塬路"};
    private static final String[] YULIN_PLACES = {"包茂高速榆林服务区", "青银高速靖边服务区", "榆佳高速佳县服务区",
        "神府高速神木服务区", "榆蒙高速金鸡滩服务区", "包茂高速鱼河服务区", "包茂高速米脂服务区", "包茂高速绥德服务区",
        "青银高速子洲服务区", "青银高速定边服务区"};

    static List<DemoStation> all() {
        List<DemoStation> stations = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = "xy-love-%02d".formatted(i + 1);
            stations.add(new DemoStation(id, "xianyang-courier-federation", XIANYANG_COURIERS, new StationDetails(
                    "咸阳快递小哥爱心驿站" + (i + 1) + "号", "LOVE_STATION", "咸阳市" + XIANYANG_PLACES[i], "610400",
                    new GeoPoint(34.329 + 0.011 * (i % 5) - 0.02, 108.709 + 0.017 * (i / 5) - 0.01 + 0.006 * i),
                    Set.of("MICROWAVE", "DRINKING_WATER", "CHARGING", "FIRST_AID_KIT", "UMBRELLAS", "WIFI", "BOOKS",
                            "FILMS", "SEATS"),
                    daily("08:00", "20:00"), List.of("咸阳市邮政管理局", "中国电信咸阳分公司"), List.of("xy-attendant-" + (i + 1))),
                    50, "COURIER"));
        }
        // Service areas on the G65 and G20 corridors (platform.station.finder.corridors) and three other roads.
        double[][] yulin = {{38.31, 109.74}, {37.60, 108.80}, {38.02, 110.48}, {38.84, 110.47}, {38.47, 109.65},
            {38.05, 109.85}, {37.76, 110.18}, {37.50, 110.24}, {37.61, 109.92}, {37.59, 107.63}};
        for (int i = 0; i < yulin.length; i++) {
            stations.add(new DemoStation("yl-dh-%02d".formatted(i + 1), "yulin-truck-federation", YULIN_TRUCKS,
                    new StationDetails("榆林司机之家·" + YULIN_PLACES[i], "DRIVERS_HOME", "榆林市" + YULIN_PLACES[i],
                            "610800", new GeoPoint(yulin[i][0], yulin[i][1]),
                            Set.of("DRINKING_WATER", "CHARGING", "MICROWAVE", "TOILET", "SHOWER", "TRUCK_PARKING",
                                    "LAUNDRY", "SEATS", "WIFI", "FIRST_AID_KIT"),
                            OpeningHours.aroundTheClock(), List.of("榆林市交通运输局"), List.of("yl-attendant-" + (i + 1))),
                    60, "TRUCK_DRIVER"));
        }
        String[] riderPlaces = {"南大街", "和平路", "东关正街"};
        for (int i = 0; i < 3; i++) {
            stations.add(new DemoStation("bl-rider-%02d".formatted(i + 1), "beilin-delivery-joint", BEILIN_RIDERS,
                    new StationDetails("碑林骑手之家·" + riderPlaces[i], "RIDER_HOME", "西安市碑林区" + riderPlaces[i],
                            "610103", new GeoPoint(34.252 - 0.006 * i, 108.947 + 0.009 * i),
                            Set.of("MICROWAVE", "DRINKING_WATER", "CHARGING", "SEATS", "TOILET", "WIFI", "UMBRELLAS"),
                            daily("09:00", "23:00"), List.of("饿了么", "蓝骑士"), List.of("bl-attendant-" + (i + 1))),
                    35, "DELIVERY_RIDER"));
        }
        String[] readingPlaces = {"文艺路", "长安北路"};
        for (int i = 0; i < 2; i++) {
            stations.add(new DemoStation("bl-reading-%02d".formatted(i + 1), "xian-beilin", BEILIN,
                    new StationDetails("碑林区职工书屋·" + readingPlaces[i], "READING_ROOM",
                            "西安市碑林区" + readingPlaces[i], "610103", new GeoPoint(34.248 - 0.01 * i, 108.955 + 0.004 * i),
                            Set.of("BOOKS", "SEATS", "WIFI", "DRINKING_WATER"), daily("09:00", "18:00"),
                            List.of(), List.of("bl-attendant-reading")),
                    12, "RIDE_HAILING_DRIVER"));
        }
        return stations;
    }

    private static OpeningHours daily(String opens, String closes) {
        Map<DayOfWeek, List<OpeningHours.TimeRange>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, List.of(new OpeningHours.TimeRange(opens, closes)));
        }
        return new OpeningHours(false, weekly, List.of());
    }
}
