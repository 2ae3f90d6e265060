package org.unionplatform.membership.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.unionplatform.common.workers.WorkerTypes;
import org.unionplatform.membership.bulk.Columns.Translation;
import org.unionplatform.membership.bulk.RosterMapping.ColumnMapping;
import org.unionplatform.membership.bulk.RosterMapping.How;

/** Header and value mapping with the vocabulary the service ships. */
class ColumnsTest {

    private static final RosterVocabulary VOCABULARY = RosterVocabulary.read(
            new ClassPathResource("bulk/roster-vocabulary.properties"), WorkerTypes.standard());
    private static final PlaceNames PLACES = PlaceNames.of(Map.of("610000", "陕西省", "610100", "西安市",
            "610103", "碑林区", "610116", "长安区", "130000", "河北省", "130100", "石家庄市", "130102", "长安区"));

    private static Columns columns(List<String> header) {
        return Columns.fromHeader(header, Map.of(), VOCABULARY, PLACES, "610103");
    }

    @Test
    void aMeituanStyleRiderRosterIsReadByItsOwnColumnNames() {
        var columns = columns(List.of("序号", "骑手姓名", "身份证号码", "手机号码", "站点名称", "配送区域", "岗位", "所属平台"));

        assertThat(columns.failure()).isEmpty();
        assertThat(columns.mapping()).extracting(ColumnMapping::column, ColumnMapping::field, ColumnMapping::how)
                .containsExactly(
                        tuple("序号", null, How.UNUSED),
                        tuple("骑手姓名", "name", How.NAMED),
                        tuple("身份证号码", "residentId", How.NAMED),
                        tuple("手机号码", "phone", How.NAMED),
                        tuple("站点名称", null, How.UNUSED),
                        tuple("配送区域", "divisionCode", How.NAMED),
                        tuple("岗位", "workerType", How.NAMED),
                        tuple("所属平台", "platform", How.NAMED));
    }

    @Test
    void namesAreComparedWithoutSpacesStarsCaseOrBracketedNotes() {
        var columns = columns(List.of(" 司机姓名* ", "证件号码（必填）", "联系电话(必填)", "从业类型【必填】", "工作区域：",
                "Platform"));

        assertThat(columns.failure()).isEmpty();
        assertThat(columns.mapping()).extracting(ColumnMapping::field)
                .containsExactly("name", "residentId", "phone", "workerType", "divisionCode", "platform");
    }

    @Test
    void aColumnWhoseNameContainsAKnownNameIsTakenOnlyWhenNoColumnHasTheExactName() {
        var columns = columns(List.of("姓名", "骑手身份证号码", "紧急联系人联系电话", "手机号", "骑手职业类型"));

        assertThat(columns.mapping()).extracting(ColumnMapping::field, ColumnMapping::how).containsExactly(
                tuple("name", How.NAMED),
                tuple("residentId", How.CONTAINS),
                tuple(null, How.UNUSED),
                tuple("phone", How.NAMED),
                tuple("workerType", How.CONTAINS));
    }

    @Test
    void theOrganizersMappingComesFirstAndMayLeaveAColumnUnread() {
        Map<String, String> chosen = new LinkedHashMap<>();
        chosen.put("备用电话", "phone");
        chosen.put("手机号", Columns.NOT_READ);
        chosen.put("工号", "name");
        var columns = Columns.fromHeader(List.of("工号", "姓名", "身份证号", "手机号", "备用电话", "工种"), chosen,
                VOCABULARY, PLACES, "610103");

        assertThat(columns.failure()).isEmpty();
        assertThat(columns.mapping()).extracting(ColumnMapping::field, ColumnMapping::how).containsExactly(
                tuple("name", How.CHOSEN),
                tuple(null, How.UNUSED),
                tuple("residentId", How.NAMED),
                tuple(null, How.UNUSED),
                tuple("phone", How.CHOSEN),
                tuple("workerType", How.NAMED));
    }

    @Test
    void aMappingMustNameKnownFieldsEachOnceAndColumnsTheFileHas() {
        assertThat(Columns.problemWith(Map.of("证件", "idNumber"))).get().asString().contains("residentId");
        assertThat(Columns.problemWith(Map.of("a", "phone", "b", "phone"))).get().asString().contains("phone");
        assertThat(Columns.problemWith(Map.of("a", "phone", "b", Columns.NOT_READ, "c", Columns.NOT_READ)))
                .isEmpty();
        assertThat(Columns.fromHeader(List.of("姓名", "身份证号", "手机号", "工种"), Map.of("电话", "phone"), VOCABULARY,
                PLACES, "610103").failure()).get().asString().isEqualTo("表头中没有指定的列“电话”。");
    }

    @Test
    void aMissingColumnIsNamedInChineseWithTheNamesThatWouldDo() {
        var columns = columns(List.of("姓名", "手机号", "工种"));

        assertThat(columns.failure()).get().asString().startsWith("表头中找不到“身份证号”列").contains("证件号码");
    }

    @Test
    void theDivisionColumnIsNeededOnlyWhenTheUnionHasNoDivision() {
        var header = List.of("姓名", "身份证号", "手机号", "工种");

        assertThat(Columns.fromHeader(header, Map.of(), VOCABULARY, PLACES, "610103").failure()).isEmpty();
        assertThat(Columns.fromHeader(header, Map.of(), VOCABULARY, PLACES, null).failure()).get().asString()
                .contains("所在区县");
    }

    @Test
    void occupationWordsBecomeWorkerTypes() {
        var columns = columns(List.of("姓名", "身份证号", "手机号", "职业"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("外卖骑手", "DELIVERY_RIDER");
        expected.put("骑手", "DELIVERY_RIDER");
        expected.put("配送员", "DELIVERY_RIDER");
        expected.put("美团专送骑手", "DELIVERY_RIDER");
        expected.put("外卖骑手（众包）", "DELIVERY_RIDER");
        expected.put("快递员", "COURIER");
        expected.put("快递小哥", "COURIER");
        expected.put("网约车司机", "RIDE_HAILING_DRIVER");
        expected.put("网约车驾驶员", "RIDE_HAILING_DRIVER");
        expected.put("货车司机", "TRUCK_DRIVER");
        expected.put("货运司机", "TRUCK_DRIVER");
        expected.put("卡车司机", "TRUCK_DRIVER");
        expected.put("代驾", "DESIGNATED_DRIVER");
        expected.put("网约配送员", "DELIVERY_RIDER");
        expected.put("courier", "COURIER");
        expected.forEach((word, type) -> assertThat(columns.read(List.of("王伟", "x", "y", word)).details().workerType())
                .as(word).isEqualTo(type));

        var unknown = columns.read(List.of("王伟", "x", "y", "宇航员"));
        assertThat(unknown.details().workerType()).isEqualTo("宇航员");
        assertThat(unknown.translations()).extracting(Translation::field).doesNotContain("workerType");
        assertThat(columns.read(List.of("王伟", "x", "y", "快递员")).translations())
                .contains(new Translation("workerType", "快递员", "COURIER"));
    }

    @Test
    void aPlaceNameBecomesItsCodeAndAnEmptyDivisionTheUnionsOwnWithANote() {
        var columns = columns(List.of("姓名", "身份证号", "手机号", "工种", "所在区县"));

        var named = columns.read(List.of("王伟", "x", "y", "骑手", "西安市碑林区"));
        assertThat(named.details().divisionCode()).isEqualTo("610103");
        assertThat(named.translations()).contains(new Translation("divisionCode", "西安市碑林区", "610103"));
        assertThat(named.note()).isNull();

        var empty = columns.read(List.of("王伟", "x", "y", "骑手", " "));
        assertThat(empty.details().divisionCode()).isEqualTo("610103");
        assertThat(empty.note()).isEqualTo("未填所在区县，按本工会所在地（610103）登记");

        var code = columns.read(List.of("王伟", "x", "y", "骑手", "610116"));
        assertThat(code.details().divisionCode()).isEqualTo("610116");
        assertThat(code.translations()).extracting(Translation::field).containsExactly("workerType");
    }

    @Test
    void aCountyNameTwoProvincesShareNeedsItsCityOrProvince() {
        assertThat(PLACES.code("长安区")).isEmpty();
        assertThat(PLACES.code("西安市长安区")).contains("610116");
        assertThat(PLACES.code("陕西省西安市长安区")).contains("610116");
        assertThat(PLACES.code("石家庄市长安区")).contains("130102");
        assertThat(PLACES.code("陕西省石家庄市长安区")).isEmpty();
        assertThat(PLACES.code("碑林区")).contains("610103");
        assertThat(PLACES.code("西安市")).as("a city is not where a member works").isEmpty();
    }

    @Test
    void theRowShownMasksResidentIdAndPhone() {
        var columns = columns(List.of("姓名", "身份证号", "手机号", "工种"));

        assertThat(columns.shown(List.of("王伟", "61010319900101123X", "139 1234 5678", "骑手", "紧急联系人 13812345678")))
                .containsExactly("王伟", "610***********123X", "139****5678", "骑手", "紧急联系人 138****5678");
    }

    @Test
    void theVocabularyRefusesAWordListedForTwoTypesOrAnUnknownType() {
        assertThatThrownBy(() -> RosterVocabulary.read(
                new StringReader("occupation.COURIER=骑手\noccupation.DELIVERY_RIDER=骑手"), WorkerTypes.standard()))
                .hasMessageContaining("骑手");
        assertThatThrownBy(() -> RosterVocabulary.read(new StringReader("occupation.ASTRONAUT=宇航员"),
                WorkerTypes.standard())).hasMessageContaining("ASTRONAUT");
        assertThatThrownBy(() -> RosterVocabulary.read(new StringReader("header.idNumber=证件"),
                WorkerTypes.standard())).hasMessageContaining("idNumber");
    }

    @Test
    void aTypeAddedByConfigurationIsKnownByItsLabelAndItsWords() throws Exception {
        var types = new WorkerTypes(Map.of("COURIER", "快递员", "MOVER", "搬家师傅"));
        var vocabulary = RosterVocabulary.read(new StringReader("occupation.MOVER=搬运工,搬家工人"), types);

        assertThat(vocabulary.workerType("搬家师傅")).contains("MOVER");
        assertThat(vocabulary.workerType("搬运工")).contains("MOVER");
        assertThat(vocabulary.workerType("快递员")).contains("COURIER");
    }
}
