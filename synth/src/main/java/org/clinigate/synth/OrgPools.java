package org.clinigate.synth;

import static org.clinigate.synth.NamePools.entries;

import java.util.List;

/**
 * Invented pools of organisations: hospitals, clinics, employers and schools. Several names embed a
 * saint, a city or a person (St. Mary's, Boston Children's), which is what makes them hard to tell
 * from a patient's name. Immutable.
 */
final class OrgPools {

    static final List<String> HOSPITALS = entries("""
            St. Mary's Hospital | Mercy Medical Center | Boston Children's Hospital | Good Samaritan Hospital
            Sacred Heart Medical Center | St. Vincent's Regional Hospital | Riverbend Regional Medical Center
            Lakeshore General Hospital | Northside Community Hospital | Valley View Medical Center
            St. Luke's Hospital | St. Joseph's Health Center | Baptist Memorial Hospital | Methodist Hospital
            Presbyterian Medical Center | University Hospital of Fresno | Tulsa Regional Medical Center
            Springfield General Hospital | Cedar Hollow Community Hospital | Port Alder Medical Center
            Pinecrest Memorial Hospital | Holy Cross Hospital | Our Lady of Lourdes Hospital
            St. Francis Medical Center | St. Elizabeth's Hospital | St. Anne's Hospital | St. Jude Medical Center
            Providence Regional Medical Center | Memorial Hermann Hospital | Kindred Heights Hospital
            Fairbrook Medical Center | Millbrook Regional Hospital | Willow Creek Hospital
            East Harmon Medical Center | Ravenford General Hospital | Stillwater Junction Hospital
            New Aberdeen Medical Center | Maple Falls Community Hospital | Brookhaven Springs Hospital
            Summit Ridge Medical Center | Harborview Medical Center | Bayside Medical Center
            Lakeview Regional Hospital | Highland Park Hospital | Prairie Star Medical Center
            Bluebonnet Regional Hospital | Saguaro Valley Medical Center | Mesa Verde General Hospital
            Evergreen Health Medical Center | Cottonwood Community Hospital | Timberline Regional Hospital
            Silver Lake Medical Center | Redwood Memorial Hospital | Golden Plains Hospital
            Three Rivers Health Center | Twin Pines Hospital | Cascade Valley Hospital | Blue Ridge Medical Center
            Sunrise Hospital and Medical Center | Desert Springs Hospital | Coastal Carolina Medical Center
            Shriners Children's Hospital | Children's Mercy Hospital | Rainbow Children's Hospital
            Veterans Affairs Medical Center | Fort Wayne VA Medical Center | County General Hospital
            Kaiser Oakfield Medical Center | Hillcrest Behavioral Health Hospital | Meadowbrook Rehabilitation Hospital
            Northgate Surgical Hospital | Southpoint Heart Institute | Westfield Cancer Center
            Eastview Women's Hospital | Riverside Psychiatric Hospital | Orchard Hills Hospice
            Beacon Hill Nursing and Rehabilitation | Sunnybrook Skilled Nursing Facility
            Magnolia Gardens Assisted Living | Golden Years Senior Living | Lakeside Family Clinic
            Northgate Dialysis Center | Pine Street Community Health Center | Eastside Urgent Care
            Harmon Valley Pediatrics | Tulsa Spine and Joint Clinic | Riverbend Cardiology Associates
            Greenfield Orthopedic Group | Sunset Dermatology | Clearwater Eye Institute | Bright Smiles Dental
            Cornerstone Family Medicine | Union Street Free Clinic | Maple Falls Internal Medicine
            Willow Creek Women's Health | Prairie Wind Behavioral Health | Canyon View Oncology
            Springfield Sleep Center | Fresno Kidney Care | Oak Street Health Partners
            Lincoln Park Physical Therapy | Hope Valley Pain Clinic | Keystone Endoscopy Center
            Summit Imaging Center | Valley Radiology Associates | Heartland Hospice and Palliative Care
            """);

    static final List<String> EMPLOYERS = entries("""
            Acme Logistics | Brightwater Plumbing | Keystone Freight | Redline Auto Body | Sunrise Bakery
            Northstar Insurance Group | Bluegrass Builders | Pioneer Tool and Die | Cascade Paper Mill
            Harbor Seafood Company | Summit Roofing | Golden Gate Landscaping | Pinnacle Data Systems
            Lakeside Elementary School District | Tri-County Waste Services | Evergreen Nursery
            Midwest Grain Cooperative | Prairie Electric | Riverside Car Wash | Hilltop Diner
            Copperfield Mining | Blue Heron Marina | Falcon Security Services | Ironwood Steel
            Magnolia Catering | Silverline Transit | Crescent Moon Cafe | Oakmont Country Club
            Greenleaf Grocery | Big Sky Trucking | Red Rock Quarry | Pacific Rim Imports | Maple Leaf Movers
            Stonebridge Bank | First Prairie Credit Union | Heartland Poultry | Twin Rivers Casino
            Cedar Point Lumber | Bluewater Fisheries | Sparkle Cleaners | Quickstop Gas and Go
            Allied Warehouse Solutions | Everbright Solar | Northwind Airlines | Lone Star Concrete
            Sierra Textiles | Apex Fitness | Riverbend Public Library | Cityline Cab Company
            Westgate Shopping Center | Hometown Hardware | Seaside Resort and Spa | Brookside Dairy
            Canyon Creek Vineyards | Granite State Movers | Liberty Tax Service | Patriot Packaging
            Thunderbird Motel | Starlight Cinema | Bayou Boat Works | Frontier Feed and Seed | Ozark Outfitters
            Main Street Barbershop | Coastal Cable | Summit Software | Blue Ox Brewing | Peachtree Print Shop
            Orion Aerospace | Vanguard Plastics | Heritage Home Care | Sunbelt Staffing | Greenway Lawn Care
            Prime Cut Butchers | Desert Rose Salon | Timberland Sawmill | Midtown Pharmacy | Cobalt Chemical
            Willow Tree Daycare | Delta Freight Lines | Rolling Hills Farm | Polar Ice Company | Metro Transit
            """);

    static final List<String> SCHOOLS = entries("""
            Lincoln Elementary School | Westview High School | Jefferson Middle School | Roosevelt High School
            Oak Ridge Elementary | Sacred Heart Academy | St. Agnes Catholic School | Riverside Community College
            University of Springfield | Fresno State College | Tulsa Technical Institute | Maple Falls Academy
            Eastside Montessori School | Kennedy Middle School | Washington Preparatory Academy
            Northgate Christian School | Pinecrest Charter School | Valley Vista High School
            Brookhaven University | Central State University
            """);

    private OrgPools() {
    }
}
