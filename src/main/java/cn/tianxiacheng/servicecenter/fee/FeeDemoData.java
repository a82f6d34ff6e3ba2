package cn.tianxiacheng.servicecenter.fee;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.tianxiacheng.servicecenter.estate.Estate;
import cn.tianxiacheng.servicecenter.estate.EstateRepository;
import cn.tianxiacheng.servicecenter.estate.UnitType;
import cn.tianxiacheng.servicecenter.system.DemoProperties;
import cn.tianxiacheng.servicecenter.system.SetupLock;
import jakarta.persistence.EntityManager;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo estate's fee items and rates (收费标准), loaded once with the demo estate.
 */
@Component
@Order(20)
class FeeDemoData implements ApplicationRunner {

	private static final LocalDate SINCE = LocalDate.of(2019, 1, 1);

	private final EntityManager entityManager;

	private final EstateRepository estates;

	private final FeeItemRepository items;

	private final DemoProperties demo;

	private final SetupLock lock;

	FeeDemoData(EntityManager entityManager, EstateRepository estates, FeeItemRepository items, DemoProperties demo,
			SetupLock lock) {
		this.entityManager = entityManager;
		this.estates = estates;
		this.items = items;
		this.demo = demo;
		this.lock = lock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!demo.estate()) {
			return;
		}
		lock.holdUntilCommit();
		if (items.count() > 0) {
			return;
		}
		for (Estate estate : estates.findAll()) {
			FeeItem management = item(estate, BillingRuns.MANAGEMENT_FEE, "物业管理费", FeeKind.AREA_MONTHLY);
			rate(management, UnitType.RESIDENTIAL, "2.20");
			rate(management, UnitType.DUPLEX, "2.50");
			rate(management, UnitType.SHOP, "4.80");
			rate(item(estate, BillingRuns.HEATING_FEE, "暖气费", FeeKind.AREA_SEASONAL), null, "25.00");
			item(estate, "SHARED_ELECTRICITY", "公共区域电费分摊", FeeKind.SHARED_COST);
			rate(item(estate, "WATER", "水费", FeeKind.METERED), null, "4.90");
			rate(item(estate, "ELECTRICITY", "电费", FeeKind.METERED), null, "0.52");
			rate(item(estate, BillingRuns.PARKING_RENT, "车位租金", FeeKind.SPACE_MONTHLY), null, "300.00");
			rate(item(estate, "DECORATION_DEPOSIT", "装修押金", FeeKind.DEPOSIT), null, "3000.00");
			item(estate, DepositRefunds.DEDUCTION_ITEM, "押金扣款", FeeKind.ONE_OFF);
			rate(item(estate, "DECORATION_MANAGEMENT", "装修管理费", FeeKind.ONE_OFF), null, "500.00");
			rate(item(estate, "GARBAGE_REMOVAL", "垃圾清运费", FeeKind.ONE_OFF), null, "300.00");
			rate(item(estate, "ACCESS_CARD", "门禁卡工本费", FeeKind.ONE_OFF), null, "20.00");
			rate(item(estate, "WORKER_PASS", "装修出入证工本费", FeeKind.ONE_OFF), null, "10.00");
			rate(item(estate, "REPAIR_SERVICE", "有偿维修服务费", FeeKind.ONE_OFF), null, "80.00");
			rate(item(estate, "REPAIR_MATERIAL", "维修材料费（每件）", FeeKind.ONE_OFF), null, "35.00");
		}
	}

	private FeeItem item(Estate estate, String code, String name, FeeKind kind) {
		FeeItem item = new FeeItem(estate, code, name, kind);
		entityManager.persist(item);
		return item;
	}

	private void rate(FeeItem item, UnitType type, String price) {
		entityManager.persist(new FeeRate(item, type, new BigDecimal(price), SINCE));
	}

}
