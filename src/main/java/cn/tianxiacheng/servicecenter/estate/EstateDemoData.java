package cn.tianxiacheng.servicecenter.estate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import cn.tianxiacheng.servicecenter.system.EstateTenants;
import cn.tianxiacheng.servicecenter.system.DemoProperties;
import cn.tianxiacheng.servicecenter.system.SetupLock;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the demo estate 天下城 once, when the database has no estate: 3 buildings of 2
 * entrances, 25 floors and 4 doors (600 units), invented owners, household members, tenants,
 * parking spaces and vehicles; and the company's two smaller estates 翠湖苑 and 锦江花园. The same
 * seed gives the same estates on every machine.
 */
@Component
@Order(10)
class EstateDemoData implements ApplicationRunner {

	static final String ESTATE_NAME = "天下城";

	private static final Logger log = LoggerFactory.getLogger(EstateDemoData.class);

	private static final int BUILDINGS = 3;

	private static final int ENTRANCES = 2;

	private static final int FLOORS = 25;

	private static final int DOORS = 4;

	private static final String[] SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕".split("");

	private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英玉兰建华志强海燕红梅晓东建国婷雪浩宇子涵欣怡梓萱俊杰"
		.split("");

	private static final String[] REGIONS = { "110105", "110108", "120101", "130102", "370102", "320106", "440106",
			"510104" };

	private static final String[] PHONE_PREFIXES = { "138", "139", "135", "136", "137", "150", "151", "152", "158",
			"159", "186", "187", "188", "189", "177", "180", "181" };

	private static final String[] CAR_MODELS = { "大众朗逸", "丰田卡罗拉", "本田雅阁", "比亚迪汉", "特斯拉Model 3", "日产轩逸", "别克英朗",
			"吉利星瑞", "理想L7", "奥迪A4L" };

	private static final String[] CAR_COLORS = { "白色", "黑色", "银色", "灰色", "蓝色", "红色" };

	private final EntityManager entityManager;

	private final EstateRepository estates;

	private final DemoProperties demo;

	private final SetupLock lock;

	private final EstateTenants tenants;

	private final Random random = new Random(20261127L);

	EstateDemoData(EntityManager entityManager, EstateRepository estates, DemoProperties demo, SetupLock lock,
			EstateTenants tenants) {
		this.tenants = tenants;
		this.entityManager = entityManager;
		this.estates = estates;
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
		if (estates.count() > 0) {
			return;
		}
		Estate estate = persist(new Estate(ESTATE_NAME, "TXC", "天下城路 1 号"));
		tenants.ensure(estate.ref());
		List<Unit> soldUnits = new ArrayList<>();
		int units = 0;
		for (int b = 1; b <= BUILDINGS; b++) {
			Building building = persist(new Building(estate, b, ENTRANCES, FLOORS));
			for (int entrance = 1; entrance <= ENTRANCES; entrance++) {
				for (int floor = 1; floor <= FLOORS; floor++) {
					for (int door = 1; door <= DOORS; door++) {
						Unit unit = persist(newUnit(building, entrance, floor, door));
						units++;
						if (random.nextInt(100) < 90) {
							soldUnits.add(unit);
						}
					}
				}
			}
		}
		for (Unit unit : soldUnits) {
			populate(unit);
		}
		int vehicles = createParking(estate, soldUnits);
		log.info("Loaded demo estate {}: {} buildings, {} units, {} sold, {} vehicles", ESTATE_NAME, BUILDINGS, units,
				soldUnits.size(), vehicles);
		smallEstate(new Estate("翠湖苑", "CHY", "翠湖路 18 号"), 11, 6);
		smallEstate(new Estate("锦江花园", "JJH", "锦江大道 66 号"), 21, 8);
	}

	/**
	 * One of the company's smaller estates, with staff of its own: two buildings of one entrance and two
	 * doors a floor, numbered on from {@code firstBuilding} so that no unit number is 天下城's.
	 */
	private void smallEstate(Estate estate, int firstBuilding, int floors) {
		persist(estate);
		tenants.ensure(estate.ref());
		int units = 0;
		for (int b = firstBuilding; b < firstBuilding + 2; b++) {
			Building building = persist(new Building(estate, b, 1, floors));
			for (int floor = 1; floor <= floors; floor++) {
				for (int door = 1; door <= 2; door++) {
					Unit unit = persist(newUnit(building, 1, floor, door));
					units++;
					populate(unit);
				}
			}
		}
		log.info("Loaded demo estate {}: 2 buildings, {} units", estate.getName(), units);
	}

	private Unit newUnit(Building building, int entrance, int floor, int door) {
		if (floor == 1 && entrance == 1) {
			return new Unit(building, entrance, floor, door, area("65.80", building), UnitType.SHOP);
		}
		if (floor == FLOORS) {
			return new Unit(building, entrance, floor, door, area("186.40", building), UnitType.DUPLEX);
		}
		String base = switch (door) {
			case 1 -> "132.45";
			case 4 -> "118.30";
			default -> "89.62";
		};
		return new Unit(building, entrance, floor, door, area(base, building), UnitType.RESIDENTIAL);
	}

	/** Each building's plan differs a little from the others'. */
	private static BigDecimal area(String base, Building building) {
		return new BigDecimal(base).add(new BigDecimal("0.37").multiply(BigDecimal.valueOf(building.getNumber() - 1)));
	}

	/** Owners (a couple in a third of the units), household members, perhaps a tenant. */
	private void populate(Unit unit) {
		boolean movedIn = random.nextInt(100) < 94;
		LocalDate moveIn = movedIn ? LocalDate.of(2019, 6, 1).plusDays(random.nextInt(2000)) : null;
		String surname = pick(SURNAMES);
		persist(new Owner(unit, surname + givenName(), idNumber(), phone(),
				random.nextInt(4) == 0 ? phone() : null, moveIn));
		boolean couple = random.nextInt(3) == 0;
		if (couple) {
			persist(new Owner(unit, pick(SURNAMES) + givenName(), idNumber(), phone(), null, moveIn));
		}
		if (!movedIn) {
			return;
		}
		unit.markOccupied();
		if (unit.getType() != UnitType.SHOP && random.nextInt(10) == 0) {
			LocalDate start = LocalDate.of(2026, 1, 1).plusDays(random.nextInt(300));
			persist(new Tenant(unit, pick(SURNAMES) + givenName(), idNumber(), phone(), start, start.plusYears(1)));
			return;
		}
		if (unit.getType() == UnitType.SHOP) {
			return;
		}
		if (!couple && random.nextBoolean()) {
			persist(new Resident(unit, pick(SURNAMES) + givenName(), "配偶", idNumber(), phone()));
		}
		for (int i = random.nextInt(3); i > 0; i--) {
			persist(new Resident(unit, surname + givenName(), "子女", null, null));
		}
		if (random.nextInt(5) == 0) {
			persist(new Resident(unit, surname + givenName(), "父母", idNumber(), phone()));
		}
	}

	/** 300 spaces on B1 and 150 on B2: some sold, some leased, the rest vacant. */
	private int createParking(Estate estate, List<Unit> soldUnits) {
		int vehicles = 0;
		for (int i = 1; i <= 450; i++) {
			boolean b1 = i <= 300;
			String number = (b1 ? "B1-" : "B2-") + "%03d".formatted(b1 ? i : i - 300);
			ParkingSpace space = persist(new ParkingSpace(estate, number, b1 ? "地下一层" : "地下二层"));
			int roll = random.nextInt(10);
			if (roll < 7) {
				Unit unit = soldUnits.get(random.nextInt(soldUnits.size()));
				space.assignTo(unit, roll < 4 ? ParkingSpaceStatus.SOLD : ParkingSpaceStatus.LEASED);
				persist(new Vehicle(unit, plate(i), pick(CAR_MODELS), pick(CAR_COLORS), space));
				vehicles++;
			}
		}
		return vehicles;
	}

	private <T> T persist(T entity) {
		entityManager.persist(entity);
		return entity;
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}

	private String givenName() {
		return random.nextBoolean() ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
	}

	private String phone() {
		return pick(PHONE_PREFIXES) + "%08d".formatted(random.nextInt(100_000_000));
	}

	/** A plate that is unique by construction: the space's number in the serial. */
	private String plate(int serial) {
		return "冀" + (char) ('A' + random.nextInt(8)) + "%c%04d".formatted((char) ('A' + random.nextInt(26)), serial);
	}

	/** An 18-digit resident ID number with a valid ISO 7064 MOD 11-2 check character. */
	private String idNumber() {
		LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(18_000));
		String body = pick(REGIONS) + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
		return body + IdNumbers.checkCharacter(body);
	}

}
