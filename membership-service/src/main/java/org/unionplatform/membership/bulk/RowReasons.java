package org.unionplatform.membership.bulk;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unionplatform.membership.member.PersonDetails;

import jakarta.validation.ConstraintViolation;

/**
 * A report line's reason: a stable English code for programs and a Chinese text for the organizer. The resident
 * ID's and phone's own reasons (check character, birth date, length...) come from platform-common's Chinese
 * messages; the others are said here.
 */
final class RowReasons {

    record Reason(String code, String text) {
    }

    static final Reason ALREADY_MEMBER = new Reason("already-member", "已是会员，未重复入会");
    static final Reason WOULD_ENROL = new Reason("would-enrol", "将入会");
    static final String DIVISION_DEFAULTED = "division-defaulted";

    private static final Map<String, String> LABELS = Map.of("name", "姓名", "residentId", "身份证号", "phone", "手机号",
            "workerType", "职业", "platform", "平台", "companyCreditCode", "统一社会信用代码", "divisionCode", "所在区县");
    private static final Pattern PII_TEMPLATE =
            Pattern.compile("\\{org\\.unionplatform\\.common\\.pii\\.(\\w+)\\.([\\w-]+)}");
    /** What Excel shows for an 18-digit number stored as a number: 6.10103E+17, the last digits lost. */
    private static final Pattern SCIENTIFIC = Pattern.compile("[0-9](\\.[0-9]+)?[eE]\\+?[0-9]+");

    private RowReasons() {
    }

    /** The Chinese name of a field. */
    static String label(String field) {
        return LABELS.getOrDefault(field, field);
    }

    static Reason sameAs(long line) {
        return new Reason("duplicate-in-file", "与第 " + line + " 行是同一人");
    }

    static Reason divisionDefaulted(String note) {
        return new Reason(DIVISION_DEFAULTED, note);
    }

    /** Why a row's field fails the application form's rules. */
    static Reason of(ConstraintViolation<PersonDetails> violation, String occupationWords, boolean placeNames) {
        String field = violation.getPropertyPath().toString();
        Object value = violation.getInvalidValue();
        String kebab = field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        if (value == null || value.toString().isBlank()) {
            return new Reason(kebab + "-missing", "未填写" + label(field));
        }
        Matcher pii = PII_TEMPLATE.matcher(violation.getMessageTemplate());
        if (field.equals("residentId") && SCIENTIFIC.matcher(value.toString()).matches()) {
            return new Reason("resident-id-as-number", "身份证号被 Excel 存成了数字（科学计数法），后几位已丢失："
                    + "请把该列设为“文本”格式后重新填写");
        }
        if (pii.matches()) {
            return new Reason(kebab + "-" + pii.group(2), chinese(pii.group(1), pii.group(2)));
        }
        String text = switch (field) {
            case "name" -> "姓名过长（最多 40 个字）";
            case "platform" -> "平台名称过长（最多 60 个字）";
            case "companyCreditCode" -> "统一社会信用代码无效：应为 18 位数字或大写字母";
            case "workerType" -> "无法识别的职业“" + value + "”，可填写：" + occupationWords;
            case "divisionCode" -> "无法识别的所在区县“" + value + "”：请填写 6 位行政区划代码（如 610103）"
                    + (placeNames ? "或区县名称（如 碑林区）" : "");
            default -> label(field) + "无效";
        };
        return new Reason(kebab + "-invalid", text);
    }

    private static String chinese(String constraint, String key) {
        try {
            return ResourceBundle.getBundle("ContributorValidationMessages", Locale.SIMPLIFIED_CHINESE)
                    .getString("org.unionplatform.common.pii." + constraint + "." + key);
        } catch (MissingResourceException e) {
            return ("ResidentId".equals(constraint) ? "身份证号" : "手机号") + "无效";
        }
    }
}
