package cn.tianxiacheng.servicecenter.estate;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UnitRepository extends JpaRepository<Unit, Long>, JpaSpecificationExecutor<Unit> {

	/** The unit of this number in the estate: another estate's unit is unknown to its staff. */
	Optional<Unit> findByBuildingEstateIdAndNumber(long estateId, String number);

	Optional<Unit> findByIdAndBuildingEstateId(long id, long estateId);

	/** Whether a vehicle of this plate is registered at any unit. */
	boolean existsByVehiclesPlateNumber(String plateNumber);

	/** The unit where a vehicle of this plate is registered. */
	Optional<Unit> findByVehiclesPlateNumber(String plateNumber);

	/** The unit with its owners loaded, for a page that shows them outside a transaction. */
	@EntityGraph(attributePaths = "owners")
	Optional<Unit> findWithOwnersById(long id);

}
