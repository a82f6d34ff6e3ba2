package cn.tianxiacheng.servicecenter.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.tianxiacheng.servicecenter.IntegrationTest;
import cn.tianxiacheng.servicecenter.IntegrationTestSupport;
import cn.tianxiacheng.servicecenter.StaffApi;
import cn.tianxiacheng.servicecenter.WebSession;
import cn.tianxiacheng.servicecenter.estate.Households;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Parking leases on the running application: the rent billed is months × the monthly rent to the
 * fen; paid at the counter, the lease takes effect; a renewal starts the day after the old end;
 * not renewed, the space is released after the grace period and held for the first owner on the
 * waiting list, before a tenant who asked earlier; an early termination refunds the unused rent
 * pro rata; bad applications get a clear 4xx and create nothing.
 */
@IntegrationTest
class ParkingLeaseIntegrationTests extends IntegrationTestSupport {

	/** 天下城's first tenant. */
	private static final String FIRST_TENANT = "(select min(t.id) from tenant t join unit u on u.id = t.unit_id"
			+ " where u.building_id in " + TIANXIACHENG_BUILDINGS + ")";

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	Households households;

	@Test
	void shouldBillRenewWithoutAGapAndReleaseTheSpaceToTheNextOwner() {
		Map<String, Object> lessee = ownerWithVehicle(0);
		String space = vacantSpace();
		String body = application(UUID.randomUUID().toString(), lessee, space, 3, "PREPAID");
		ResponseEntity<Map<String, Object>> applied = call("receptionist", HttpMethod.POST, "/api/parking-leases", body);
		assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
		String leaseNumber = (String) applied.getBody().get("leaseNumber");
		assertThat(call("receptionist", HttpMethod.POST, "/api/parking-leases", body).getBody())
			.as("a retry returns the same lease").containsEntry("leaseNumber", leaseNumber);
		String instance = (String) applied.getBody().get("processInstanceId");

		checkAndPay(instance, leaseNumber, lessee);

		BigDecimal monthlyRent = jdbc.queryForObject("select monthly_rent from parking_lease where lease_number = ?",
				BigDecimal.class, leaseNumber);
		assertThat(monthlyRent).isEqualByComparingTo("300.00");
		assertThat(billed(leaseNumber)).isEqualByComparingTo(monthlyRent.multiply(BigDecimal.valueOf(3)))
			.isEqualByComparingTo("900.00");
		assertThat(jdbc.queryForMap("select status, contract_number from parking_space where number = ?", space))
			.containsEntry("STATUS", "LEASED").containsEntry("CONTRACT_NUMBER", leaseNumber);

		LocalDate oldEnd = endDate(leaseNumber);
		LocalDate today = LocalDate.now(SHANGHAI);
		assertThat(oldEnd).isEqualTo(today.plusMonths(3).minusDays(1));
		ResponseEntity<Map<String, Object>> renewed = call("receptionist", HttpMethod.POST,
				"/api/parking-leases/" + leaseNumber + "/renewals", "{\"months\":2}");
		assertThat(renewed.getStatusCode()).as("%s", renewed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(endDate(leaseNumber)).isEqualTo(today.plusMonths(5).minusDays(1));
		List<Map<String, Object>> renewalBills = jdbc.queryForList(
				"select period_start, period_end from bill where period = ? order by period_start", leaseNumber);
		assertThat(renewalBills).hasSize(5);
		assertThat(renewalBills.get(3).get("PERIOD_START").toString()).as("the renewal starts the day after the old end")
			.isEqualTo(oldEnd.plusDays(1).toString());
		assertThat(billed(leaseNumber)).isEqualByComparingTo("1500.00");
		String renewedOnThePage = WebSession.loggedIn(port, "receptionist")
			.submit("/parking/leases/" + leaseNumber, "/parking/leases/" + leaseNumber + "/renewals", "months=1")
			.body();
		assertThat(renewedOnThePage).as("the renewal prompts to collect its rent")
			.contains("已续租 1 个月", "续租的租金 <strong>300.00</strong> 元已出账", "/cashier/units/" + lessee.get("id"));
		assertThat(billed(leaseNumber)).isEqualByComparingTo("1800.00");

		Map<String, Object> tenant = jdbc.queryForMap(
				"select u.number, t.name from tenant t join unit u on u.id = t.unit_id where t.id = " + FIRST_TENANT);
		Map<String, Object> waitingOwner = ownerWithVehicle(3);
		assertThat(join(tenant, "TENANT").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(join(waitingOwner, "OWNER").getStatusCode()).isEqualTo(HttpStatus.CREATED);

		runTimer(instance, "Event_TermEnds");
		assertThat(status(leaseNumber)).isEqualTo("GRACE");
		runTimer(instance, "Event_GraceEnds");

		assertThat(status(leaseNumber)).isEqualTo("ENDED");
		assertThat(jdbc.queryForObject("select status from parking_space where number = ?", String.class, space))
			.isEqualTo("RESERVED");
		assertThat(jdbc.queryForMap("""
				select w.status, s.number from parking_waitlist w join unit u on u.id = w.unit_id
				  left join parking_space s on s.id = w.offered_space_id
				 where u.number = ? and w.owner""", waitingOwner.get("number")))
			.containsEntry("STATUS", "OFFERED").containsEntry("NUMBER", space);
		assertThat(jdbc.queryForObject("""
				select w.status from parking_waitlist w join unit u on u.id = w.unit_id
				 where u.number = ? and not w.owner""", String.class, tenant.get("number"))).isEqualTo("WAITING");

		ResponseEntity<Map<String, Object>> offeredOwner = call("receptionist", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), waitingOwner, space, 1, "MONTHLY"));
		assertThat(offeredOwner.getStatusCode()).as("the owner it is held for leases it: %s", offeredOwner.getBody())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldEndTheEntryOfAnOwnerWhoLeasedAndLetReceptionWithdrawOneWithItsReason() {
		Map<String, Object> owner = ownerWithVehicle(5);
		assertThat(join(owner, "OWNER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<Map<String, Object>> applied = call("receptionist", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), owner, vacantSpace(), 1, "PREPAID"));
		assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
		checkAndPay((String) applied.getBody().get("processInstanceId"), (String) applied.getBody().get("leaseNumber"),
				owner);
		assertThat(jdbc.queryForList("""
				select w.status from parking_waitlist w join unit u on u.id = w.unit_id where u.number = ? and w.owner""",
				String.class, owner.get("number"))).as("an owner who leased a space waits no more").containsExactly("LEASED");

		Map<String, Object> other = ownerWithVehicle(6);
		assertThat(join(other, "OWNER").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long entry = jdbc.queryForObject("""
				select max(w.id) from parking_waitlist w join unit u on u.id = w.unit_id where u.number = ?""", Long.class,
				other.get("number"));
		Timestamp requestedAt = jdbc.queryForObject("select requested_at from parking_waitlist where id = ?",
				Timestamp.class, entry);
		String page = WebSession.loggedIn(port, "receptionist").get("/parking/waitlist").body();
		assertThat(page).as("times in the estate's zone").contains(requestedAt.toInstant().atZone(SHANGHAI)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).contains("撤回原因");
		assertThat(call("receptionist", HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal", "{\"reason\":\" \"}")
			.getStatusCode()).as("a reason is required").isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(call("engineer", HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal",
				"{\"reason\":\"业主来电不再需要\"}").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(jdbc.queryForObject("select status from parking_waitlist where id = ?", String.class, entry))
			.isEqualTo("WAITING");
		assertThat(call("receptionist", HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal",
				"{\"reason\":\"业主来电不再需要\"}").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(jdbc.queryForMap("select status, closed_by, closed_reason from parking_waitlist where id = ?", entry))
			.containsEntry("STATUS", "WITHDRAWN").containsEntry("CLOSED_BY", "receptionist")
			.containsEntry("CLOSED_REASON", "业主来电不再需要");
		assertThat(call("receptionist", HttpMethod.POST, "/api/parking-waitlist/" + entry + "/withdrawal",
				"{\"reason\":\"再撤一次\"}").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

		for (Long waiting : jdbc.queryForList("select id from parking_waitlist where status = 'WAITING' and owner"
				+ " and unit_id in (select id from unit where building_id in " + TIANXIACHENG_BUILDINGS + ")", Long.class)) {
			call("receptionist", HttpMethod.POST, "/api/parking-waitlist/" + waiting + "/withdrawal", "{\"reason\":\"已另行解决\"}");
		}
		Map<String, Object> tenant = jdbc.queryForMap(
				"select u.number, t.name from tenant t join unit u on u.id = t.unit_id where t.id = " + FIRST_TENANT);
		ResponseEntity<Map<String, Object>> tenantApplies = call("receptionist", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), Map.of("number", tenant.get("number"), "name", tenant.get("name"),
						"plate", "京A00000"), vacantSpace(), 1, "PREPAID").replace("\"OWNER\"", "\"TENANT\""));
		assertThat(String.valueOf(tenantApplies.getBody())).as("no owner waits: a tenant is not refused for owners")
			.doesNotContain("尚有业主在候补车位");
	}

	@Test
	void shouldRefundTheUnusedRentProRataOnAnEarlyTermination() {
		Map<String, Object> lessee = ownerWithVehicle(1);
		String space = vacantSpace();
		ResponseEntity<Map<String, Object>> applied = call("receptionist", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), lessee, space, 2, "PREPAID"));
		assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
		String leaseNumber = (String) applied.getBody().get("leaseNumber");
		checkAndPay((String) applied.getBody().get("processInstanceId"), leaseNumber, lessee);

		LocalDate today = LocalDate.now(SHANGHAI);
		LocalDate lastDay = today.plusDays(9);
		ResponseEntity<Map<String, Object>> refund = call("receptionist", HttpMethod.POST,
				"/api/parking-leases/" + leaseNumber + "/termination",
				"{\"lastDay\":\"" + lastDay + "\",\"reason\":\"业主卖车\",\"method\":\"CASH\"}");

		assertThat(refund.getStatusCode()).as("%s", refund.getBody()).isEqualTo(HttpStatus.OK);
		long daysOfFirstMonth = ChronoUnit.DAYS.between(today, today.plusMonths(1));
		BigDecimal used = new BigDecimal("300.00").multiply(BigDecimal.TEN)
			.divide(BigDecimal.valueOf(daysOfFirstMonth), 2, RoundingMode.HALF_UP);
		assertThat(new BigDecimal(refund.getBody().get("usedPart").toString())).isEqualByComparingTo(used);
		assertThat(new BigDecimal(refund.getBody().get("refunded").toString()))
			.isEqualByComparingTo(new BigDecimal("600.00").subtract(used));
		assertThat(jdbc.queryForObject("""
				select sum(f.amount) from refund f join bill b on b.id = f.bill_id where b.period = ?""", BigDecimal.class,
				leaseNumber)).isEqualByComparingTo(new BigDecimal("600.00").subtract(used));
		assertThat(status(leaseNumber)).isEqualTo("TERMINATED");
		assertThat(jdbc.queryForObject("select status from parking_space where number = ?", String.class, space))
			.isIn("VACANT", "RESERVED");
	}

	@Test
	void shouldKeepALeasedSpaceAndAskReceptionWhenANewHouseholdMovesIn() {
		Map<String, Object> lessee = ownerWithVehicle(4);
		String space = vacantSpace();
		ResponseEntity<Map<String, Object>> applied = call("receptionist", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), lessee, space, 6, "PREPAID"));
		assertThat(applied.getStatusCode()).as("%s", applied.getBody()).isEqualTo(HttpStatus.OK);
		String leaseNumber = (String) applied.getBody().get("leaseNumber");
		String instance = (String) applied.getBody().get("processInstanceId");
		checkAndPay(instance, leaseNumber, lessee);

		households.moveIn(((Number) lessee.get("id")).longValue(), LocalDate.now(SHANGHAI),
				List.of(new Households.NewOwner("新业主", "11010519491231002X", "13900001111")), List.of(), List.of());

		assertThat(jdbc.queryForMap("select status, contract_number from parking_space where number = ?", space))
			.as("the space stays with its lease").containsEntry("STATUS", "LEASED").containsEntry("CONTRACT_NUMBER", leaseNumber);
		assertThat(status(leaseNumber)).isEqualTo("ACTIVE");
		long deadline = System.currentTimeMillis() + 20_000;
		while (review(instance) == null && System.currentTimeMillis() < deadline) {
			pause();
		}
		Task review = review(instance);
		assertThat(review).as("reception is asked to settle the lease with the former lessee").isNotNull();
		assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(link -> link.getGroupId())
			.contains("reception");
		StaffApi.work(rest, "receptionist", review.getId(), StaffApi.vars("opinion", "原承租人继续租用至期满"));
		assertThat(jdbc.queryForList("select step from parking_lease_step s join parking_lease l on l.id = s.lease_id"
				+ " where l.lease_number = ?", String.class, leaseNumber))
			.anyMatch(step -> step.contains("办理入住")).contains("与原承租人核实租赁");
	}

	private Task review(String instance) {
		return taskService.createTaskQuery().processInstanceId(instance)
			.taskDefinitionKey(ParkingLeaseProcess.Element.REVIEW_AFTER_MOVE_IN).singleResult();
	}

	@Test
	void shouldRefuseBadApplicationsAndCreateNothing() {
		Map<String, Object> lessee = ownerWithVehicle(2);
		int before = jdbc.queryForObject("select count(*) from parking_lease", Integer.class);
		String leased = jdbc.queryForObject(
				"select min(number) from parking_space where status = 'LEASED' and estate_id = " + TIANXIACHENG, String.class);
		String otherPlate = jdbc.queryForObject("select min(plate_number) from vehicle where unit_id <> ?", String.class,
				lessee.get("id"));

		assertRefused(application(UUID.randomUUID().toString(), Map.of("number", "9-9-9999", "name", "王伟", "plate",
				"冀A00001"), vacantSpace(), 3, "PREPAID"), HttpStatus.UNPROCESSABLE_ENTITY, "没有房号为“9-9-9999”的房屋");
		assertRefused(application(UUID.randomUUID().toString(), lessee, leased, 3, "PREPAID"), HttpStatus.CONFLICT,
				"已出租");
		assertRefused(application(UUID.randomUUID().toString(),
				Map.of("number", lessee.get("number"), "name", lessee.get("name"), "plate", otherPlate), vacantSpace(), 3,
				"PREPAID"), HttpStatus.CONFLICT, "登记在其他房屋");
		assertRefused(application(UUID.randomUUID().toString(), lessee, vacantSpace(), 0, "PREPAID"),
				HttpStatus.BAD_REQUEST, "租期须为 1 到");
		assertRefused(application(UUID.randomUUID().toString(), lessee, vacantSpace(), 3, "PREPAID")
			.replace("\"startDate\":\"" + LocalDate.now(SHANGHAI), "\"startDate\":\"" + LocalDate.now(SHANGHAI).minusDays(3)),
				HttpStatus.BAD_REQUEST, "起租日");

		assertThat(jdbc.queryForObject("select count(*) from parking_lease", Integer.class)).isEqualTo(before);
		assertThat(call("cashier", HttpMethod.POST, "/api/parking-leases",
				application(UUID.randomUUID().toString(), lessee, vacantSpace(), 3, "PREPAID")).getStatusCode())
			.as("the cashier does not sign leases").isEqualTo(HttpStatus.FORBIDDEN);
	}

	private void assertRefused(String body, HttpStatus status, String detail) {
		ResponseEntity<Map<String, Object>> refused = call("receptionist", HttpMethod.POST, "/api/parking-leases", body);
		assertThat(refused.getStatusCode()).as("%s", refused.getBody()).isEqualTo(status);
		assertThat(refused.getBody().get("detail").toString()).contains(detail);
	}

	/** Reception checks, the cashier takes the rent at the counter, the lease takes effect by itself. */
	private void checkAndPay(String instance, String leaseNumber, Map<String, Object> lessee) {
		StaffApi.awaitJobs(managementService, instance);
		StaffApi.work(rest, "receptionist",
				taskService.createTaskQuery().processInstanceId(instance).singleResult().getId(),
				StaffApi.vars("checkResult", "APPROVE", "opinion", "行驶证与本户登记一致"));
		StaffApi.awaitJobs(managementService, instance);
		assertThat(status(leaseNumber)).isEqualTo("AWAITING_PAYMENT");
		List<Long> bills = jdbc.queryForList("select id from bill where period = ? order by id", Long.class, leaseNumber);
		ResponseEntity<Map<String, Object>> paid = call("cashier", HttpMethod.POST, "/api/payments",
				"{\"idempotencyKey\":\"" + UUID.randomUUID() + "\",\"unitId\":" + lessee.get("id") + ",\"amount\":"
						+ billed(leaseNumber) + ",\"method\":\"WECHAT\",\"billIds\":" + bills + "}");
		assertThat(paid.getStatusCode()).as("%s", paid.getBody()).isEqualTo(HttpStatus.OK);
		long deadline = System.currentTimeMillis() + 20_000;
		while (!"ACTIVE".equals(status(leaseNumber)) && System.currentTimeMillis() < deadline) {
			StaffApi.awaitJobs(managementService, instance);
			pause();
		}
		assertThat(status(leaseNumber)).as("the lease takes effect once its rent is paid").isEqualTo("ACTIVE");
	}

	private void runTimer(String instance, String timer) {
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(instance)
			.activityId(timer)
			.singleResult()
			.getId());
		StaffApi.awaitJobs(managementService, instance);
	}

	private ResponseEntity<Map<String, Object>> join(Map<String, Object> who, String kind) {
		return call("receptionist", HttpMethod.POST, "/api/parking-waitlist", "{\"unitNumber\":\"" + who.get("number")
				+ "\",\"applicantKind\":\"" + kind + "\",\"applicantName\":\"" + who.get("name")
				+ "\",\"applicantPhone\":\"13612345678\"}");
	}

	/** The owner of the n-th unit that has a vehicle, with one of its plates. */
	private Map<String, Object> ownerWithVehicle(int n) {
		return jdbc.queryForMap("""
				select u.id, u.number, o.name, v.plate_number as plate
				  from vehicle v join unit u on u.id = v.unit_id join owner o on o.unit_id = u.id
				 where v.id = (select min(v2.id) from vehicle v2 where v2.unit_id = u.id)
				   and o.id = (select min(o2.id) from owner o2 where o2.unit_id = u.id)
				   and not exists (select 1 from parking_lease l where l.unit_id = u.id) and u.building_id in %s
				 order by u.id offset %d rows fetch first 1 rows only""".formatted(TIANXIACHENG_BUILDINGS, n));
	}

	private String vacantSpace() {
		return jdbc.queryForObject("""
				select min(s.number) from parking_space s
				 where s.status = 'VACANT' and not exists (select 1 from parking_lease l where l.space_id = s.id)
				   and s.estate_id = %s""".formatted(TIANXIACHENG), String.class);
	}

	private String application(String requestId, Map<String, ?> lessee, String space, int months, String plan) {
		return """
				{"requestId":"%s","unitNumber":"%s","lesseeKind":"OWNER","lesseeName":"%s","lesseePhone":"13812345678",
				 "spaceNumber":"%s","plates":["%s"],"startDate":"%s","months":%d,"paymentPlan":"%s"}""".formatted(requestId,
				lessee.get("number"), lessee.get("name"), space, lessee.get("plate"), LocalDate.now(SHANGHAI), months, plan);
	}

	private BigDecimal billed(String leaseNumber) {
		return jdbc.queryForObject("select sum(amount) from bill where period = ?", BigDecimal.class, leaseNumber);
	}

	private LocalDate endDate(String leaseNumber) {
		return jdbc.queryForObject("select end_date from parking_lease where lease_number = ?", Date.class,
				leaseNumber).toLocalDate();
	}

	private String status(String leaseNumber) {
		return jdbc.queryForObject("select status from parking_lease where lease_number = ?", String.class, leaseNumber);
	}

	private ResponseEntity<Map<String, Object>> call(String user, HttpMethod method, String path, String body) {
		return StaffApi.call(rest, user, method, path, body);
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

}
