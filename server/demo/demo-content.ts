/**
 * Demo content shown on first start: a fictional coastal storm ("Storm Orla")
 * covered live over one day. All places, people and organisations are invented.
 */

export interface DemoEntry {
  /** Minutes after the blog started; entries are published in this order. */
  minute: number;
  headline: string | null;
  /** HTML using only: p, a[href], strong, em, ul, ol, li, blockquote, h3, figure, img[src alt], figcaption. */
  body: string;
  /** One of the blog's initial labels (server/db/labels.ts). */
  label: string | null;
  keyEvent: boolean;
  pinned: boolean;
  /** Who wrote it: "editor" or "journalist" (two demo accounts). */
  by: "editor" | "journalist";
}

export const DEMO_BLOG: { slug: "storm-orla-live"; title: string; summary: string } = {
  slug: "storm-orla-live",
  title: "Storm Orla live: red warning for the Carrow coast as gusts top 100mph",
  summary:
    "Storm Orla is battering the Carrow coast with hurricane-force gusts, forcing evacuations in low-lying towns and leaving tens of thousands without power. Follow the latest updates here.",
};

export const DEMO_ENTRIES: DemoEntry[] = [
  {
    minute: 0,
    headline: "Welcome to our live coverage of Storm Orla",
    body:
      "<p>Good morning. Storm Orla is expected to make landfall on the Carrow coast around midday, bringing gusts of up to 100mph, torrential rain and a dangerous storm surge.</p>" +
      "<p>Our reporters are in Port Ennis, Kilbrannan and the Sallow estuary. We will bring you warnings, travel updates and safety advice throughout the day.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "editor",
  },
  {
    minute: 12,
    headline: "Red warning issued for wind and coastal flooding",
    body:
      "<p>The Coastal Weather Service has upgraded its warning to <strong>red</strong> for the whole Carrow coast from 11am until 9pm, meaning there is a danger to life from flying debris and large waves.</p>" +
      "<blockquote><p>Orla is deepening faster than our models suggested overnight. People on the coast should stay indoors and avoid travel unless it is absolutely essential.</p></blockquote>" +
      '<p>The full warning is published on the <a href="https://weather.example.org/warnings/orla">weather service website</a>.</p>',
    label: "Breaking",
    keyEvent: true,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 27,
    headline: null,
    body: "<p>Schools across the Carrow district will stay closed today. The district education office says all after-school activities and exams scheduled for this afternoon have been postponed.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 45,
    headline: "All ferry crossings cancelled",
    body:
      "<p>Westline Ferries has cancelled every sailing from Port Ennis to the Maren Isles for the rest of the day. The last morning crossing turned back twenty minutes out of harbour as swells reached six metres.</p>" +
      '<p>Passengers with bookings can rebook free of charge for any sailing this week via the <a href="https://ferries.example.com/disruption">operator\'s disruption page</a>.</p>',
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 70,
    headline: "Evacuation ordered for Kilbrannan seafront",
    body:
      "<p>Around 1,200 residents of the Kilbrannan seafront and Quay Street are being told to leave their homes before high tide at 2.40pm, when the surge is forecast to peak.</p>" +
      "<blockquote><p>We are not taking any chances. If you live in the red zone, please go now, take your medication and check on your neighbours.</p><p>— Marian Colfer, chief executive of Carrow District Council</p></blockquote>" +
      "<p>A rest centre has opened at Kilbrannan Leisure Centre on Hill Road.</p>",
    label: null,
    keyEvent: true,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 95,
    headline: null,
    body: "<p>Our reporter in Port Ennis says waves are already breaking over the harbour wall and the promenade has been closed by police. A handful of onlookers were moved back from the lighthouse pier a few minutes ago.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 120,
    headline: "How to stay safe during the storm",
    body:
      "<p>Emergency services have issued the following advice for anyone in the warning area:</p>" +
      "<ul>" +
      "<li>Stay indoors and keep away from windows where possible.</li>" +
      "<li>Do not go to the coast to watch the waves.</li>" +
      "<li>Never walk or drive through flood water: 30cm of moving water can float a car.</li>" +
      "<li>Treat every fallen power line as live and report it on 105.</li>" +
      "<li>Charge phones and keep a torch, water and essential medicines to hand.</li>" +
      "</ul>" +
      "<p>In an emergency, always call 999.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "editor",
  },
  {
    minute: 150,
    headline: "Storm Orla makes landfall",
    body:
      "<p>The centre of Storm Orla crossed the coast near Sallow Point shortly before 1pm. A gust of <strong>104mph</strong> was recorded at the Maren Head weather station, the highest in the region for more than thirty years.</p>" +
      "<p>Forecasters expect the strongest winds over the next three hours, coinciding with high tide.</p>",
    label: "Breaking",
    keyEvent: true,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 172,
    headline: "Tens of thousands without power",
    body:
      "<p>Carrow Grid says around <strong>48,000 homes</strong> are now without electricity, mostly in the Sallow valley and along the coast road north of Port Ennis.</p>" +
      '<p>Engineers are on standby but cannot safely begin repairs until winds ease. Customers can check estimated restoration times on the <a href="https://power.example.org/outages">outage map</a>.</p>',
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 198,
    headline: null,
    body:
      "<p>Rail services between Port Ennis and Carrow Junction are suspended after a tree fell across the line near Dunmore. The rail operator says no replacement buses can run while the red warning is in force.</p>" +
      "<p>The A38 coast road is closed at Kilbrannan and at the Sallow bridge.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 230,
    headline: "Two fishermen rescued off Maren Head",
    body:
      "<p>The Port Ennis lifeboat crew has rescued two men whose fishing boat lost power about two miles off Maren Head. Both were taken to Carrow General Hospital and are said to be cold but otherwise well.</p>" +
      "<blockquote><p>Conditions out there were as bad as any of us have seen. The crew did an outstanding job to get alongside in that swell.</p><p>— Declan Rourke, lifeboat operations manager</p></blockquote>",
    label: null,
    keyEvent: true,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 262,
    headline: null,
    body:
      "<p>Readers have been sending us pictures from across the region. A section of roof has come off the old market hall in Kilbrannan, and several beach huts at Strand Bay have been swept onto the road.</p>" +
      '<p>If it is safe to do so, you can share your photos and stories with us via <a href="https://news.example.com/contact">our contact page</a>.</p>',
    label: null,
    keyEvent: false,
    pinned: false,
    by: "editor",
  },
  {
    minute: 300,
    headline: "Harbour wall breached in Port Ennis",
    body:
      '<figure><img src="/demo/orla-harbour.svg" alt="Waves crashing over the harbour wall at Port Ennis as Storm Orla hits"><figcaption>Waves surge over the harbour wall at Port Ennis at high tide. Illustration: Liveline demo</figcaption></figure>' +
      "<p>Sea water has flooded the lower harbour area and Market Street to a depth of about half a metre. Fire crews are pumping out properties and say no one is believed to be trapped.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 345,
    headline: null,
    body: "<p>The weather service says the storm is now moving north-east and the worst of the wind should pass the Carrow coast by around 8pm. The red warning remains in place until 9pm.</p>",
    label: null,
    keyEvent: false,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 390,
    headline: "Why Orla hit harder than forecast",
    body:
      "<p>Orla underwent what meteorologists call <em>explosive cyclogenesis</em>: its central pressure fell by more than 24 millibars in 24 hours, turning a routine autumn low into a violent storm overnight.</p>" +
      "<h3>A surge on top of a spring tide</h3>" +
      "<p>The timing made matters worse. Landfall coincided with one of the highest tides of the year, so the surge pushed sea levels well above flood defences designed decades ago. Coastal engineers have warned for years that walls in Port Ennis and Kilbrannan need raising.</p>" +
      '<p>The district\'s own <a href="https://carrow.example.org/coastal-review">coastal defence review</a> put the cost of upgrades at £40m; funding has not yet been agreed.</p>',
    label: "Analysis",
    keyEvent: false,
    pinned: false,
    by: "editor",
  },
  {
    minute: 450,
    headline: "Key points: what we know so far",
    body:
      "<ul>" +
      "<li>Storm Orla made landfall near Sallow Point around 1pm, with a peak gust of 104mph at Maren Head.</li>" +
      "<li>About 1,200 people were evacuated from the Kilbrannan seafront; a rest centre is open on Hill Road.</li>" +
      "<li>Around 48,000 homes lost power; repairs will begin once winds ease.</li>" +
      "<li>All ferries, coast rail services and the A38 coast road remain suspended.</li>" +
      "<li>Two fishermen were rescued off Maren Head; no serious injuries have been reported.</li>" +
      "<li>The red warning stays in force until 9pm.</li>" +
      "</ul>",
    label: null,
    keyEvent: false,
    pinned: true,
    by: "editor",
  },
  {
    minute: 520,
    headline: "Council declares major incident",
    body:
      "<p>Carrow District Council has declared a major incident to speed up the recovery effort and request help from neighbouring authorities.</p>" +
      "<blockquote><p>The storm is passing, but the danger has not. Please do not return to evacuated homes until we tell you it is safe.</p><p>— Aidan Mulvey, the council's head of emergency planning</p></blockquote>" +
      "<p>Power has now been restored to around 15,000 homes, Carrow Grid says.</p>",
    label: null,
    keyEvent: true,
    pinned: false,
    by: "journalist",
  },
  {
    minute: 600,
    headline: null,
    body:
      "<p>That is where we will pause our live coverage for tonight. The red warning has now been downgraded to amber, and we will be back first thing tomorrow with the clean-up and the latest on travel.</p>" +
      '<p>You can read our <a href="https://news.example.com/storm-orla-full-report">full report on the day</a>. Thank you for following, and stay safe.</p>',
    label: "Full report",
    keyEvent: false,
    pinned: false,
    by: "editor",
  },
];
