# One image per service, built from this repository:
#   docker build --build-arg MODULE=auth-service -t integration-hub/auth-service .
# docker-compose.yml builds every service this way.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl "${MODULE}" -am -DskipTests package

FROM eclipse-temurin:17-jre
ARG MODULE
RUN useradd --system --uid 10001 hub
COPY --from=build /src/${MODULE}/target/${MODULE}.jar /app/service.jar
USER hub
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
