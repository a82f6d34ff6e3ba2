package cn.tianxiacheng.servicecenter.estate;

public enum ParkingSpaceStatus {

	VACANT("空闲"), LEASED("已出租"), SOLD("已售"), RESERVED("已预留");

	private final String label;

	ParkingSpaceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
