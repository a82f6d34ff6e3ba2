package cn.tianxiacheng.servicecenter.estate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON and page views of units, with personal data passed through a {@link PersonalDataMask}.
 */
final class UnitViews {

	private UnitViews() {
	}

	public record UnitSummary(Long id, String number, int building, int entrance, int floor, BigDecimal areaM2,
			UnitType type, String typeLabel, UnitStatus status, String statusLabel, List<OwnerView> owners) {

		static UnitSummary of(Unit unit, PersonalDataMask mask) {
			return new UnitSummary(unit.getId(), unit.getNumber(), unit.getBuilding().getNumber(), unit.getEntrance(),
					unit.getFloor(), unit.getAreaM2(), unit.getType(), unit.getType().label(), unit.getStatus(),
					unit.getStatus().label(), unit.getOwners().stream().map(o -> OwnerView.of(o, mask)).toList());
		}

	}

	public record UnitDetails(Long id, String number, int building, int entrance, int floor, BigDecimal areaM2,
			UnitType type, String typeLabel, UnitStatus status, String statusLabel, List<OwnerView> owners,
			List<ResidentView> residents, List<TenantView> tenants, List<VehicleView> vehicles,
			List<ParkingSpaceView> parkingSpaces) {

		static UnitDetails of(Unit unit, PersonalDataMask mask) {
			return new UnitDetails(unit.getId(), unit.getNumber(), unit.getBuilding().getNumber(), unit.getEntrance(),
					unit.getFloor(), unit.getAreaM2(), unit.getType(), unit.getType().label(), unit.getStatus(),
					unit.getStatus().label(), unit.getOwners().stream().map(o -> OwnerView.of(o, mask)).toList(),
					unit.getResidents().stream().map(r -> ResidentView.of(r, mask)).toList(),
					unit.getTenants().stream().map(t -> TenantView.of(t, mask)).toList(),
					unit.getVehicles().stream().map(VehicleView::of).toList(),
					unit.getParkingSpaces().stream().map(ParkingSpaceView::of).toList());
		}

	}

	public record OwnerView(Long id, String name, String idNumber, String phone, String alternatePhone,
			LocalDate moveInDate) {

		static OwnerView of(Owner owner, PersonalDataMask mask) {
			return new OwnerView(owner.getId(), mask.name(owner.getName()), mask.idNumber(owner.getIdNumber()),
					mask.phone(owner.getPhone()), mask.phone(owner.getAlternatePhone()), owner.getMoveInDate());
		}

	}

	public record ResidentView(Long id, String name, String relation, String idNumber, String phone) {

		static ResidentView of(Resident resident, PersonalDataMask mask) {
			return new ResidentView(resident.getId(), mask.name(resident.getName()), resident.getRelation(),
					mask.idNumber(resident.getIdNumber()), mask.phone(resident.getPhone()));
		}

	}

	public record TenantView(Long id, String name, String idNumber, String phone, LocalDate leaseStart,
			LocalDate leaseEnd) {

		static TenantView of(Tenant tenant, PersonalDataMask mask) {
			return new TenantView(tenant.getId(), mask.name(tenant.getName()), mask.idNumber(tenant.getIdNumber()),
					mask.phone(tenant.getPhone()), tenant.getLeaseStart(), tenant.getLeaseEnd());
		}

	}

	public record VehicleView(Long id, String plateNumber, String model, String color, String parkingSpace) {

		static VehicleView of(Vehicle vehicle) {
			return new VehicleView(vehicle.getId(), vehicle.getPlateNumber(), vehicle.getModel(), vehicle.getColor(),
					vehicle.getParkingSpace() == null ? null : vehicle.getParkingSpace().getNumber());
		}

	}

	public record ParkingSpaceView(Long id, String number, String location, ParkingSpaceStatus status,
			String statusLabel) {

		static ParkingSpaceView of(ParkingSpace space) {
			return new ParkingSpaceView(space.getId(), space.getNumber(), space.getLocation(), space.getStatus(),
					space.getStatus().label());
		}

	}

}
