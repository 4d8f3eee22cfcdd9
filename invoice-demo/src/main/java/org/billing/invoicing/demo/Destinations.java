package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Countries, networks and the dialled prefixes that reach them, with a wholesale USD rate and a traffic weight. */
final class Destinations {

    record Country(long id, String name) {}

    record Network(long id, String name, Country country) {}

    /** A rate-deck prefix. {@code usdRate} is per minute, before any markup or currency. */
    record Destination(String prefix, Network network, BigDecimal usdRate, int weight) {}

    // country | network | prefixes | USD per minute | share of traffic (per prefix)
    private static final String TABLE = """
            United States  | AT&T Fixed                 | 1212 1310             | 0.0042 | 12
            United States  | Verizon Wireless           | 1917                  | 0.0058 | 10
            United States  | T-Mobile USA               | 1646                  | 0.0056 | 8
            Germany        | Deutsche Telekom Fixed     | 4930 4989             | 0.0065 | 6
            Germany        | Telekom Deutschland Mobile | 49151 49160           | 0.0390 | 5
            Germany        | Vodafone Germany Mobile    | 49152 49162           | 0.0420 | 4
            Germany        | Telefonica O2 Germany      | 49176 49179           | 0.0450 | 3
            United Kingdom | BT Fixed                   | 4420 44161            | 0.0052 | 5
            United Kingdom | EE Mobile                  | 44740                 | 0.0110 | 5
            United Kingdom | Vodafone UK Mobile         | 44770                 | 0.0120 | 4
            France         | Orange France Fixed        | 331                   | 0.0080 | 4
            France         | Orange France Mobile       | 3366                  | 0.0290 | 3
            France         | SFR Mobile                 | 3361                  | 0.0310 | 3
            France         | Bouygues Telecom Mobile    | 3365                  | 0.0300 | 2
            Indonesia      | Telkom Indonesia Fixed     | 6221                  | 0.0210 | 3
            Indonesia      | Telkomsel                  | 62811 62812 62813     | 0.0620 | 5
            Indonesia      | Indosat Ooredoo            | 62814 62815 62816     | 0.0580 | 3
            Indonesia      | XL Axiata                  | 62817 62818 62819     | 0.0560 | 3
            Australia      | Telstra Fixed              | 612                   | 0.0120 | 3
            Australia      | Telstra Mobile             | 61417                 | 0.0260 | 3
            Australia      | Optus Mobile               | 61412                 | 0.0270 | 2
            Australia      | Vodafone Australia Mobile  | 61414                 | 0.0280 | 2
            India          | BSNL Fixed                 | 9111                  | 0.0150 | 2
            India          | Bharti Airtel              | 9198                  | 0.0085 | 6
            India          | Reliance Jio               | 9170                  | 0.0082 | 6
            Brazil         | Vivo Fixed                 | 5511                  | 0.0070 | 3
            Brazil         | Claro Brasil Mobile        | 55219                 | 0.0250 | 3
            Brazil         | TIM Brasil Mobile          | 55119                 | 0.0240 | 3
            Nigeria        | MTN Nigeria                | 234803 234806         | 0.1050 | 2
            Nigeria        | Airtel Nigeria             | 234802                | 0.1100 | 2
            Nigeria        | Globacom                   | 234805                | 0.1150 | 1
            Mexico         | Telmex Fixed               | 5255                  | 0.0060 | 4
            Mexico         | Telcel Mobile              | 52155                 | 0.0110 | 4
            Mexico         | AT&T Mexico Mobile         | 52133                 | 0.0120 | 2
            """;

    private final List<Country> countries = new ArrayList<>();
    private final List<Network> networks = new ArrayList<>();
    private final List<Destination> destinations = new ArrayList<>();

    private Destinations(IdBase ids) {
        for (String line : TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            Country country = country(cells[0].strip(), ids);
            Network network = new Network(ids.network() + networks.size() + 1, cells[1].strip(), country);
            networks.add(network);
            for (String prefix : cells[2].strip().split("\\s+")) {
                destinations.add(new Destination(
                        prefix, network, new BigDecimal(cells[3].strip()), Integer.parseInt(cells[4].strip())));
            }
        }
    }

    static Destinations catalogue(IdBase ids) {
        return new Destinations(ids);
    }

    private Country country(String name, IdBase ids) {
        if (!countries.isEmpty() && countries.get(countries.size() - 1).name().equals(name)) {
            return countries.get(countries.size() - 1);
        }
        Country country = new Country(ids.country() + countries.size() + 1, name);
        countries.add(country);
        return country;
    }

    List<Country> countries() {
        return List.copyOf(countries);
    }

    List<Network> networks() {
        return List.copyOf(networks);
    }

    List<Destination> all() {
        return List.copyOf(destinations);
    }
}
