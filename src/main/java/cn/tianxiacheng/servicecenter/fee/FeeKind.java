package cn.tianxiacheng.servicecenter.fee;

/**
 * How a fee item is computed.
 */
enum FeeKind {

	/** 物业管理费: floor area × price per m² per month. */
	AREA_MONTHLY,
	/** 暖气费: floor area × price per m² per heating season. */
	AREA_SEASONAL,
	/** 公摊费用: a period's shared cost apportioned by floor area. */
	SHARED_COST,
	/** 水费, 电费: consumption between two meter readings × price. */
	METERED,
	/** 车位租金: per leased space per month. */
	SPACE_MONTHLY,
	/** 押金: refundable, kept apart from income. */
	DEPOSIT,
	/** 一次性收费: 装修管理费, 垃圾清运费, 门禁卡工本费… */
	ONE_OFF

}
