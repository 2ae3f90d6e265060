package org.unionplatform.membership.signin;

/**
 * The message to a newly approved applicant. {@link #toString()} shows neither the phone nor the whole card.
 *
 * @param phone      the applicant's full mobile number
 * @param cardNumber the new member's card number
 * @param unionName  the union that admitted them
 */
public record CardIssuedMessage(String phone, String cardNumber, String unionName) {

    /** The text sent, in Chinese as every message a worker reads. */
    public String text() {
        return "【工会】您的入会申请已通过，所在工会：" + unionName + "，会员卡号：" + cardNumber
                + "。可用本手机号登录查看电子会员卡。";
    }

    @Override
    public String toString() {
        return "CardIssuedMessage[card=" + SignInCode.maskCard(cardNumber) + ", union=" + unionName + "]";
    }
}
