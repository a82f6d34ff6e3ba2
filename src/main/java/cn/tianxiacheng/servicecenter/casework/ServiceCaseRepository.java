package cn.tianxiacheng.servicecenter.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

	String IN_ESTATE = " and c.unitId in (select u.id from Unit u where u.building.estate.id = :estateId)";

	/** By the number its process carries: for the system, which acts on the records it names. */
	Optional<ServiceCase> findByCaseNumber(String caseNumber);

	/** A case of the estate: one of another estate is unknown to its staff. */
	@Query("select c from ServiceCase c where c.caseNumber = :caseNumber" + IN_ESTATE)
	Optional<ServiceCase> findInEstate(String caseNumber, long estateId);

	@Query("select c from ServiceCase c where c.requestId = :requestId" + IN_ESTATE)
	Optional<ServiceCase> findByRequestIdInEstate(String requestId, long estateId);

	@Query("select c from ServiceCase c where c.registeredBy = :registeredBy" + IN_ESTATE + " order by c.id desc limit 1")
	Optional<ServiceCase> findLatestRegisteredInEstate(String registeredBy, long estateId);

}
