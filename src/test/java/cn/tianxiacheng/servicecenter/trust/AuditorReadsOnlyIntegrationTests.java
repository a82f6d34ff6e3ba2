package cn.tianxiacheng.servicecenter.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The auditor reads everything and changes nothing: every page the menu leads to, and a record of
 * each kind, offers the auditor no form that writes (the server refuses one anyway); only the
 * logout.
 */
@IntegrationTest
class AuditorReadsOnlyIntegrationTests extends IntegrationTestSupport {

	private static final Pattern POST_FORM = Pattern.compile("<form[^>]*method=\"post\"[^>]*>", Pattern.CASE_INSENSITIVE);

	@Test
	void shouldOfferTheAuditorNoFormThatWrites() {
		WebSession auditor = WebSession.loggedIn(port, "auditor");
		List<String> pages = new ArrayList<>(List.of("/", "/units", "/release-passes", "/parking", "/assistance", "/cases",
				"/fee-standards", "/statements", "/decorations", "/rounds", "/equipment", "/repair-plans", "/notices",
				"/surveys", "/activities", "/dashboard", "/audit", "/evaluations"));
		pages.add("/units/" + first("select min(id) from unit where building_id in " + TIANXIACHENG_BUILDINGS));
		pages.add("/cases/" + first("select max(case_number) from service_case"));
		pages.add("/decorations/" + first("select max(decoration_number) from decoration"));
		pages.add("/rounds/" + first("select max(round_number) from inspection_round"));
		pages.add("/repair-plans/" + first("select max(plan_number) from repair_plan"));
		pages.add("/surveys/" + first("select max(id) from survey"));
		pages.add("/activities/" + first("select max(activity_number) from community_activity"));
		pages.add("/archives/" + first("select min(id) from owner_archive"));
		List<String> offered = new ArrayList<>();
		for (String page : pages) {
			if (page.endsWith("/null")) {
				continue;
			}
			HttpResponse<String> answer = auditor.get(page);
			assertThat(answer.statusCode()).as(page).isIn(200, 403);
			Matcher form = POST_FORM.matcher(answer.body());
			while (form.find()) {
				if (!form.group().contains("/logout")) {
					offered.add(page + " → " + form.group());
				}
			}
		}
		assertThat(offered).isEmpty();
	}

	private String first(String sql) {
		return String.valueOf(jdbc.queryForObject(sql, Object.class));
	}

}
