package cn.tianxiacheng.servicecenter.casework;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

	/** Through the estate's published view of its units (the estate module owns the unit table). */
	String IN_ESTATE = " and c.unit_id in (select a.unit_id from unit_address a where a.estate_id = :estateId)";

	/** By the number its process carries: for the system, which acts on the records it names. */
	Optional<ServiceCase> findByCaseNumber(String caseNumber);

	/** A unit's cases, the newest first: for the owner channel, which names a unit it has verified. */
	List<ServiceCase> findByUnitIdOrderByIdDesc(Long unitId);

	/** A case of the unit: one of another unit is unknown to its owner. */
	Optional<ServiceCase> findByCaseNumberAndUnitId(String caseNumber, Long unitId);

	/** A case of the estate: one of another estate is unknown to its staff. */
	@Query(value = "select c.* from service_case c where c.case_number = :caseNumber" + IN_ESTATE, nativeQuery = true)
	Optional<ServiceCase> findInEstate(String caseNumber, long estateId);

	@Query(value = "select c.* from service_case c where c.request_id = :requestId" + IN_ESTATE, nativeQuery = true)
	Optional<ServiceCase> findByRequestIdInEstate(String requestId, long estateId);

	@Query(value = "select c.* from service_case c where c.registered_by = :registeredBy" + IN_ESTATE
			+ " order by c.id desc fetch first 1 rows only", nativeQuery = true)
	Optional<ServiceCase> findLatestRegisteredInEstate(String registeredBy, long estateId);

}
