# Builds the application from this repository; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/target/service-center-*.jar app.jar
EXPOSE 8080
# A bounded heap and the serial collector (README, benchmark 5): without them the JVM takes a
# quarter of the host's memory and grows to it. 512 MB bills 200,000 units in one run.
ENV JAVA_TOOL_OPTIONS="-Xmx512m -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
