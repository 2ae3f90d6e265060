package org.unionplatform.e2e.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.Test;

/** The base of the page tests works: the worker home loads through the gateway, in Chinese, and passes the checks. */
class PagesBasePageIT extends PageTest {

    @Test
    void theWorkerHomeLoadsOnAPhoneWithItsTabBar() {
        Page page = phone().newPage();
        Response response = page.navigate("/m/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-security-policy")).contains("script-src 'self'");

        assertThat(page.title()).isEqualTo("工会服务");
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.NAVIGATION,
                new Page.GetByRoleOptions().setName("主菜单")).isVisible()).isTrue();
        check(page, "m-index");
    }
}
