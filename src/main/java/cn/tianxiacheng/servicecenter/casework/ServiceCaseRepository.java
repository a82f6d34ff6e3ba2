package cn.tianxiacheng.servicecenter.casework;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

	Optional<ServiceCase> findByRequestId(String requestId);

	Optional<ServiceCase> findByCaseNumber(String caseNumber);

	Optional<ServiceCase> findFirstByRegisteredByOrderByIdDesc(String registeredBy);

}
