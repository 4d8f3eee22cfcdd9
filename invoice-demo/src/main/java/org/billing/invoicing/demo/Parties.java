package org.billing.invoicing.demo;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Contractors (customers, vendors, both, one reseller) and their accounts. */
final class Parties {

    /** The global default of DESIGN.md for a null {@code max_call_duration}. */
    static final int DEFAULT_MAX_CALL_DURATION = 7_200;

    record Contractor(
            long id,
            String name,
            String address,
            String phones,
            String email,
            boolean customer,
            boolean vendor,
            boolean reseller) {}

    record Account(
            long id,
            Contractor contractor,
            String name,
            BigDecimal balance,
            BigDecimal minBalance,
            BigDecimal maxBalance,
            DemoCurrency currency,
            String timezone,
            String paymentModel,
            Integer maxCallDuration) {

        boolean isCustomer() {
            return contractor.customer();
        }

        boolean isVendor() {
            return contractor.vendor();
        }

        int callDurationCap() {
            return maxCallDuration == null
                    ? DEFAULT_MAX_CALL_DURATION
                    : Math.min(maxCallDuration, DEFAULT_MAX_CALL_DURATION);
        }
    }

    private record Home(String country, String dialCode, String address, DemoCurrency currency, String timezone) {}

    private static final Home[] HOMES = {
        new Home(
                "USA",
                "+1 212",
                "350 Fifth Avenue, Suite 4200, New York, NY 10118, USA",
                DemoCurrency.USD,
                "America/New_York"),
        new Home("Germany", "+49 30", "Friedrichstraße 68, 10117 Berlin, Germany", DemoCurrency.EUR, "Europe/Berlin"),
        new Home(
                "Indonesia",
                "+62 21",
                "Jl. Jenderal Sudirman Kav. 52-53, Jakarta 12190, Indonesia",
                DemoCurrency.IDR,
                "Asia/Jakarta"),
        new Home(
                "United Kingdom",
                "+44 20",
                "1 Canada Square, London E14 5AB, United Kingdom",
                DemoCurrency.USD,
                "Europe/London"),
        new Home(
                "Australia",
                "+61 2",
                "1 Martin Place, Sydney NSW 2000, Australia",
                DemoCurrency.AUD,
                "Australia/Sydney"),
        new Home("France", "+33 1", "8 Rue de la Paix, 75002 Paris, France", DemoCurrency.EUR, "Europe/Paris"),
        new Home("India", "+91 22", "Bandra Kurla Complex, Mumbai 400051, India", DemoCurrency.USD, "Asia/Kolkata"),
        new Home(
                "Brazil",
                "+55 11",
                "Avenida Paulista 1578, São Paulo SP 01310-200, Brazil",
                DemoCurrency.USD,
                "America/Sao_Paulo"),
    };

    private static final String[] NAMES = {
        "Atlantic Voice Carriers Inc.", "Rhein Telekom GmbH", "PT Nusantara Suara Global", "Thames Interconnect Ltd",
        "Southern Cross Telecom Pty Ltd", "Lumière Télécom SAS", "Konkan Networks Pvt Ltd", "Paulista Voz Ltda",
        "Hudson Wholesale Voice LLC", "Elbe Carrier Services GmbH", "PT Jawa Link Telekomunikasi",
                "Mersey Voice Exchange Ltd",
        "Coral Sea Communications Pty Ltd", "Garonne Interconnexion SARL", "Deccan Telecom Pvt Ltd",
                "Carioca Telecom S.A.",
        "Liberty Routes Inc.", "Spree Voice AG", "PT Borneo Digital Voice", "Clyde Telecom Partners Ltd",
        "Outback Voice Pty Ltd", "Provence Voix SAS", "Ganges Interconnect Pvt Ltd", "Amazonia Voz S.A.",
    };

    private static final String[] ACCOUNT_KINDS = {"Wholesale", "Retail", "Premium routes", "CLI routes"};

    private final List<Contractor> contractors = new ArrayList<>();
    private final List<Account> accounts = new ArrayList<>();

    private Parties() {}

    /**
     * {@code accounts} accounts over about half as many contractors (account i belongs to contractor
     * i modulo their count). Contractor 1 is a customer (its account 1 is the heavy account of a
     * benchmark), 2 a vendor, 4 both, then the pattern repeats; the last one is the reseller.
     */
    static Parties generate(int accounts, IdBase ids, SplittableRandom random) {
        Parties parties = new Parties();
        int contractorCount = Math.min(accounts, Math.max(4, (accounts + 1) / 2));
        for (int i = 0; i < contractorCount; i++) {
            parties.contractors.add(contractor(i, contractorCount, ids, random));
        }
        for (int i = 0; i < accounts; i++) {
            Contractor owner = parties.contractors.get(i % contractorCount);
            parties.accounts.add(
                    account(ids.account() + i + 1, owner, i / contractorCount, home(i % contractorCount), random));
        }
        return parties;
    }

    private static Home home(int contractorIndex) {
        return HOMES[contractorIndex % HOMES.length];
    }

    private static Contractor contractor(int index, int count, IdBase ids, SplittableRandom random) {
        String name = NAMES[index % NAMES.length] + (index < NAMES.length ? "" : " " + (index / NAMES.length + 1));
        boolean reseller = index == count - 1;
        int role = reseller ? 0 : index % 6; // 0, 2, 4: customer; 1, 5: vendor; 3: both
        boolean customer = role % 2 == 0 || role == 3;
        boolean vendor = role == 1 || role == 5 || role == 3;
        Home home = home(index);
        String phones = phone(home, random) + ", " + phone(home, random);
        return new Contractor(
                ids.contractor() + index + 1,
                name,
                home.address(),
                phones,
                "billing@" + slug(name) + ".example",
                customer,
                vendor,
                reseller);
    }

    private static String phone(Home home, SplittableRandom random) {
        return String.format("%s %03d %04d", home.dialCode(), random.nextInt(200, 1000), random.nextInt(10_000));
    }

    private static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static Account account(long id, Contractor owner, int nth, Home home, SplittableRandom random) {
        // Vendor rates must stay below customer rates in figures, so vendors bill in USD or EUR only.
        DemoCurrency currency = owner.vendor() && !home.currency().fitsVendors() ? DemoCurrency.USD : home.currency();
        String timezone = nth % 2 == 1 ? "UTC" : home.timezone();
        boolean prepay = owner.customer() && !owner.vendor() && !owner.reseller() && random.nextInt(100) < 35;
        BigDecimal balance = currency.money(
                BigDecimal.valueOf(prepay ? random.nextLong(5_000, 500_000) : random.nextLong(-300_000, 300_000), 2));
        BigDecimal minBalance =
                prepay ? BigDecimal.ZERO : currency.money(BigDecimal.valueOf(-(5_000L << random.nextInt(3))));
        BigDecimal maxBalance =
                random.nextBoolean() ? null : currency.money(BigDecimal.valueOf(prepay ? 20_000 : 100_000));
        Integer maxCallDuration = random.nextBoolean() ? null : new int[] {3_600, 5_400, 7_200}[random.nextInt(3)];
        String name = shortName(owner.name()) + " " + ACCOUNT_KINDS[nth % ACCOUNT_KINDS.length] + " " + currency;
        return new Account(
                id,
                owner,
                name,
                balance,
                minBalance,
                maxBalance,
                currency,
                timezone,
                prepay ? "PREPAY" : "POSTPAY",
                maxCallDuration);
    }

    private static String shortName(String contractorName) {
        String[] words = contractorName.replace("PT ", "").split(" ");
        return words[0] + " " + words[1];
    }

    List<Contractor> contractors() {
        return List.copyOf(contractors);
    }

    List<Account> accounts() {
        return List.copyOf(accounts);
    }

    List<Account> customers() {
        return accounts.stream().filter(Account::isCustomer).toList();
    }

    List<Account> vendors() {
        return accounts.stream().filter(Account::isVendor).toList();
    }
}
